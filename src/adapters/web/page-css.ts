/**
 * The dashboard's one stylesheet, inlined in every page and allowed by its
 * hash in the Content-Security-Policy. Phone first (one column, tables
 * scroll sideways), two columns on a wide screen, A4 landscape in print.
 */
export const PAGE_CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--accent:#0b5cad;--bad:#c0392b;--warn:#9a6700;--good:#1a7f37}
*{box-sizing:border-box}
body{margin:0;font-family:"IPAexGothic","Noto Sans CJK JP","Hiragino Sans","Yu Gothic",Meiryo,sans-serif;color:var(--fg);background:var(--bg);line-height:1.5;font-size:16px}
a{color:var(--accent)}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 16px}
header{padding-top:12px;border-bottom:1px solid var(--line)}
nav{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:14px}
nav .current{font-weight:bold;color:var(--fg);text-decoration:none}
h1{font-size:1.4rem;margin:8px 0 0}
h2{font-size:1.1rem;margin:24px 0 8px;border-left:4px solid var(--accent);padding-left:8px}
.asof{font-size:1.1rem;margin:4px 0 12px;color:var(--muted)}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin-top:16px}
.kpi{border:1px solid var(--line);border-radius:8px;padding:12px}
.kpi .label{font-size:.9rem;color:var(--muted)}
.kpi .value{font-size:2rem;font-weight:bold}
.kpi .detail,.kpi .change{font-size:.85rem;color:var(--muted)}
.kpi.overdue .value{color:var(--bad)}
.kpi.at-risk .value{color:var(--warn)}
.charts{display:grid;grid-template-columns:1fr;gap:16px}
.chart svg{width:100%;height:auto;display:block}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.late{color:var(--bad);font-weight:bold}
.muted{color:var(--muted)}
.status{display:inline-block;padding:0 6px;border-radius:4px;font-size:.85rem;border:1px solid var(--line);white-space:nowrap}
.status-done{border-color:var(--good);color:var(--good)}
.status-delayed{border-color:var(--bad);color:var(--bad)}
.status-at_risk{border-color:var(--warn);color:var(--warn)}
footer{margin-top:32px;padding-bottom:24px;font-size:.8rem;color:var(--muted);border-top:1px solid var(--line)}
.download{margin:12px 0 0}
@media print{.download{display:none}}
.refusal{max-width:640px;margin:64px auto;padding:0 16px}
@media (min-width:900px){.charts{grid-template-columns:1fr 1fr}}
@media print{
@page{size:A4 landscape;margin:10mm}
body{font-size:10pt}
nav{display:none}
header,main,footer{max-width:none;padding:0}
.charts{grid-template-columns:1fr 1fr}
section,tr,.kpi,.chart{break-inside:avoid}
.scroll{overflow:visible}
a{color:inherit;text-decoration:none}
}
`;
