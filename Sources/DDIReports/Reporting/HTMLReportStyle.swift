/// The report's stylesheet, inline in the page. On screen the page is at most 1180 px wide and every
/// table fits it (no horizontal scrollbar at 1280 px); in print it is A4 landscape, white, with the
/// charts' colours kept, and no table, card or chart cut between pages where it can be helped.
extension HTMLReportRenderer {
    static let css = """
    :root{color-scheme:light;--ink:#111827;--muted:#6b7280;--line:#e5e7eb;--accent:#2563eb}
    *{box-sizing:border-box}
    body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#f9fafb}
    main{max-width:1180px;margin:0 auto;padding:24px 28px 48px}
    h1{font-size:26px;margin:0 0 2px}
    h2{font-size:18px;margin:28px 0 10px}
    .lead{color:var(--muted);margin:0 0 18px}
    section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:6px 18px 14px;margin:16px 0}
    .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;background:none;border:0;padding:0}
    .card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 14px}
    .card .label{color:var(--muted);font-size:13px}
    .card .value{font-size:22px;font-weight:600;margin:2px 0}
    .card .amounts{font-size:17px}
    .card .amount{display:block;white-space:nowrap}
    .card .note{color:var(--muted);font-size:12px}
    .chart{display:block;width:100%;height:auto;max-height:420px}
    .chart text{font-size:12px;fill:var(--ink)}
    .chart .tick{fill:var(--muted);font-size:11px}
    .chart .grid{stroke:var(--line);stroke-width:1}
    .chart .today{stroke:#9ca3af;stroke-dasharray:2 3}
    .chart .capacity{stroke:#6b7280;stroke-width:1.5;stroke-dasharray:6 4}
    .chart .history{fill:none;stroke:var(--accent);stroke-width:2.5}
    .chart .dot{fill:var(--accent)}
    .chart .forecast{stroke:#f97316;stroke-width:2.5;stroke-dasharray:8 5}
    .legend span{margin-right:14px;font-size:13px;color:var(--muted)}
    .legend i{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
    .caption{color:var(--muted);font-size:13px;margin:6px 0}
    .verdict{font-size:16px;margin:8px 0 12px}
    table{border-collapse:collapse;width:100%;font-size:13px}
    th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top;overflow-wrap:break-word}
    tr>:first-child{white-space:nowrap}
    thead th{color:var(--muted);font-weight:600}
    tfoot th{border-top:2px solid var(--ink)}
    .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    thead .num{white-space:normal}
    dt{font-weight:600;margin-top:8px}
    dd{margin:0 0 4px 0;color:#374151}
    @media (max-width:760px){main{padding:16px 10px 32px}section{padding:6px 8px 10px}table{font-size:12px}th,td{padding:4px 4px}.num{white-space:normal}}
    @media print{
    @page{size:A4 landscape;margin:12mm}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    body{background:#fff;font-size:11px}
    main{max-width:none;padding:0}
    h1{font-size:20px}
    h2{font-size:14px;margin:12px 0 6px;break-after:avoid}
    section{border:0;border-radius:0;padding:0;margin:8px 0}
    .cards{grid-template-columns:repeat(7,1fr);gap:6px}
    .card{padding:6px 8px;break-inside:avoid}
    .card .value{font-size:15px}
    .card .amounts{font-size:12px}
    .chart{max-height:240px;break-inside:avoid}
    table{font-size:10px}
    th,td{padding:3px 5px}
    thead{display:table-header-group}
    tr{break-inside:avoid}
    }
    """
}
