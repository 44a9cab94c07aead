/** Help texts of the command line. */

export const MAIN_HELP = `themenfinder: turn workshop notes into themes

Usage:
  themenfinder analyze <file> [options]   find the themes and write a report
  themenfinder parse <file> [options]     show the notes as read (check the import)
  themenfinder --help | --version

Input files: .txt (whiteboard text export: notes are rebuilt from its lines),
.csv/.tsv (a text column, other columns become metadata), .json (an array of
strings or objects), .jsonl (one object a line), .xlsx (first sheet).

Examples:
  themenfinder analyze corpus/zukunftscamp-2021.txt --format md
  themenfinder analyze answers.csv --text-column Antwort --k 8 --out themes.json
  themenfinder parse corpus/zukunftscamp-2021.txt --format jsonl

Run "themenfinder <command> --help" for the options of a command.
Exit codes: 0 done, 1 the input could not be read or analysed, 2 wrong usage.
`;

export const ANALYZE_HELP = `themenfinder analyze <file> [options]

Finds the themes in the notes of <file> and writes a report (stdout unless --out).

Options:
  -f, --format <md|html|json|csv|xlsx>
                              report format (default: from --out's extension, else md):
                              md summary, html self-contained page with charts,
                              json full report, csv one row per note, xlsx workbook
  -o, --out <file>            write the report to this file (needed for xlsx)
  -k, --k <n|auto>            number of themes (default auto)
      --k-criterion <silhouette|knee>
                              how auto picks k: silhouette (default; more, finer
                              themes) or knee (elbow of the spread; fewer, broader)
      --seed <n>              seed of the clustering (default 42): same seed, same report
      --lang <de|en>          language of the notes (default de)
      --stemmer <cistem|snowball>  German stemmer (default cistem)
      --by <field>            add a themes x <field> table (e.g. group, column)
      --themes <preset|file>  guided themes: a preset (bildung) or a JSON file
                              [{ "label", "terms": [...], "description" }]
      --guided-threshold <x>  how close a note must be to a guided theme (default 0.3)
      --no-stability          skip the stability figure of each theme (faster)
      --workers <n>           threads in all (default 1); worker threads are used from
                              20,000 notes on, the report is the same
      --top-terms <n>         keywords per theme (default 8)
      --max-note-length <n>   longer notes are cut to n characters, with a warning (default 10000)
      --max-bytes <n>         largest input file in bytes (default 209715200 = 200 MiB)
      --title <text>          title of the Markdown or HTML report
      --locale <de|en>        labels of the HTML report (default: language of the notes)
      --excel                 CSV for Excel with German settings: ";" and decimal comma
                              (CSV is always UTF-8 with BOM; cells starting with = + - @ get ')
      --encoding <name>       input encoding: utf-8 (default) or windows-1252
      --text-column <name>    CSV/XLSX column that holds the note text
      --text-field <name>     JSON field that holds the note text
      --sheet <name|n>        XLSX sheet (default: the first)
      --delimiter <,|;|tab>   CSV delimiter (default: sniffed)
  -q, --quiet                 no progress bar and no summary line on stderr
      --debug                 show stack traces of errors

Examples:
  themenfinder analyze corpus/zukunftscamp-2021.txt
  themenfinder analyze notes.csv --k 6 --format json --out report.json
  themenfinder analyze corpus/zukunftscamp-2021.txt --out report.html --by group
  themenfinder analyze notes.csv --out themes.csv --excel
  themenfinder analyze survey.xlsx --text-column "Ihre Antwort" --by Gruppe
  themenfinder analyze corpus/zukunftscamp-2021.txt --themes bildung --by group
`;

export const PARSE_HELP = `themenfinder parse <file> [options]

Prints the notes as themenfinder reads them, with their metadata (for board
text also the headings, marked kind "heading", and the line spans), so you
can check the import before analysing.

Options:
  -f, --format <jsonl|json|csv>   output format (default jsonl)
  -o, --out <file>                write to this file
      --encoding <name>           input encoding: utf-8 (default) or windows-1252
      --text-column <name>        CSV/XLSX column that holds the note text
      --text-field <name>         JSON field that holds the note text
      --sheet <name|n>            XLSX sheet (default: the first)
      --delimiter <,|;|tab>       CSV delimiter (default: sniffed)
      --max-bytes <n>             largest input file in bytes (default 209715200 = 200 MiB)

Example:
  themenfinder parse corpus/zukunftscamp-2021.txt --format jsonl
`;
