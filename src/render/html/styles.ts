/**
 * The style sheet of the HTML report. Every selector sits under
 * `.tf-report`, so the report can also be embedded in another page (a
 * notebook cell) without touching its styles. System fonts only: no request
 * leaves the page.
 */
export const STYLES = `
.tf-report{--tf-fg:#1d1d1f;--tf-muted:#5f6368;--tf-line:#e3e3e3;--tf-bg:#fff;--tf-soft:#f6f7f9;--tf-accent:#1f5fa8;
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--tf-fg);background:var(--tf-bg);
max-width:1120px;margin:0 auto;padding:24px 28px 48px;box-sizing:border-box}
.tf-report *,.tf-report *::before,.tf-report *::after{box-sizing:inherit}
.tf-report h1{font-size:30px;line-height:1.2;margin:0 0 6px}
.tf-report h2{font-size:21px;margin:40px 0 6px;padding-top:12px;border-top:2px solid var(--tf-fg)}
.tf-report h3{font-size:16px;margin:0 0 6px}
.tf-report p{margin:4px 0 10px}
.tf-report .tf-lead{font-size:17px;margin:0 0 4px}
.tf-report .tf-muted,.tf-report .tf-note{color:var(--tf-muted);font-size:13px}
.tf-report nav ol{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;padding:0;margin:12px 0 0;font-size:14px}
.tf-report a{color:var(--tf-accent)}
.tf-report table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0}
.tf-report th,.tf-report td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--tf-line);vertical-align:top}
.tf-report th{font-weight:600;background:var(--tf-soft)}
.tf-report td.tf-r,.tf-report th.tf-r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.tf-report .tf-swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.tf-report .tf-figure{margin:10px 0 4px;overflow-x:auto}
.tf-report svg.tf-chart{display:block;max-width:100%;height:auto;font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--tf-fg)}
.tf-report svg .tf-num{fill:var(--tf-muted);font-size:11px}
.tf-report svg .tf-colhead{font-size:11px}
.tf-report svg .tf-cell{font-size:11px;font-variant-numeric:tabular-nums}
.tf-report svg .tf-anchor{font-size:12px;font-weight:700;paint-order:stroke;stroke:#fff;stroke-width:3px}
.tf-report svg a:hover rect{opacity:.8}
.tf-report .tf-chart-map{max-width:820px}
.tf-report .tf-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:14px;margin-top:10px}
.tf-report .tf-card{border:1px solid var(--tf-line);border-top:4px solid var(--tf-c,#999);border-radius:6px;padding:12px 14px;break-inside:avoid;page-break-inside:avoid}
.tf-report .tf-card blockquote{margin:8px 0 0;padding:0 0 0 10px;border-left:3px solid var(--tf-line);font-size:13px;color:#333}
.tf-report .tf-legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px;margin:6px 0;padding:0;list-style:none}
.tf-report .tf-filter{position:sticky;top:0;z-index:2;background:var(--tf-bg);padding:10px 0;display:flex;gap:12px;align-items:center;flex-wrap:wrap;border-bottom:1px solid var(--tf-line)}
.tf-report .tf-filter input{font:inherit;padding:7px 10px;border:1px solid #b5b5b5;border-radius:6px;min-width:min(420px,100%)}
.tf-report details.tf-group{margin:12px 0;border-left:4px solid var(--tf-c,#999);padding-left:12px}
.tf-report details.tf-group>summary{cursor:pointer;font-weight:600;font-size:16px;padding:4px 0}
.tf-report ul.tf-notes{list-style:none;margin:4px 0;padding:0}
.tf-report ul.tf-notes>li{padding:7px 0;border-bottom:1px solid var(--tf-line);break-inside:avoid;page-break-inside:avoid}
.tf-report .tf-text{white-space:pre-wrap;overflow-wrap:anywhere}
.tf-report .tf-facts{display:flex;flex-wrap:wrap;gap:2px 12px;font-size:12px;color:var(--tf-muted);margin-top:2px}
.tf-report .tf-term{display:inline-block;background:var(--tf-soft);border:1px solid var(--tf-line);border-radius:10px;padding:0 7px;margin:0 3px 0 0;color:#333}
.tf-report .tf-badge{font-size:11px;font-weight:600;color:#fff;background:var(--tf-accent);border-radius:3px;padding:0 5px;margin-left:6px;vertical-align:1px}
.tf-report [hidden]{display:none!important}
.tf-report code{font-size:13px;background:var(--tf-soft);padding:0 4px;border-radius:3px;overflow-wrap:anywhere}
.tf-report footer{margin-top:40px;color:var(--tf-muted);font-size:12px}
@media (max-width:600px){.tf-report{padding:14px}.tf-report .tf-cards{grid-template-columns:1fr}}
@media print{
@page{margin:16mm 14mm}
.tf-report{max-width:none;padding:0;font-size:11pt}
.tf-report .tf-filter,.tf-report nav{display:none}
.tf-report h2{break-after:avoid;page-break-after:avoid}
.tf-report .tf-figure{overflow:visible;break-inside:avoid;page-break-inside:avoid}
.tf-report a{color:inherit;text-decoration:none}
.tf-report details.tf-group>summary{list-style:none}
}
`.trim();
