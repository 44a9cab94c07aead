/**
 * Nine notes with three planted themes (digitalisation 1-3, networks 4-6,
 * data 7-9), shared by the tests that need a small hand-checked set.
 */
export const PLANTED_NOTES: readonly string[] = [
  'Digitalisierung der Schulen vorantreiben',
  'Digitalisierung: Endgeräte für alle Schüler',
  'WLAN und Digitalisierung in allen Schulen',
  'Netzwerke der Bildungsakteure stärken',
  'Netzwerke mit Kooperationspartnern ausbauen',
  'Netzwerke und Kooperation verstetigen',
  'Bildungsmonitoring mit Daten unterlegen',
  'Datenbasierte Steuerung durch Bildungsmonitoring',
  'Daten aus dem Monitoring nutzen',
];
