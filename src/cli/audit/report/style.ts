/** The report's style sheet, inlined into the page. */
export const reportStyle = `
:root{--error:#b3261e;--warning:#8a5a00;--ink:#1d1d1f;--muted:#5f6368;--line:#d9d9de;--bg:#fafafa;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
body{margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:1.6rem;margin:0}h2{font-size:1.2rem;margin:2rem 0 .75rem}
.sources,.facts,.source{color:var(--muted);margin:.25rem 0}
.summary dl{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin:1.5rem 0 0}
.summary div{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
.summary dt{color:var(--muted);font-size:.85rem}.summary dd{margin:0;font-size:1.8rem;font-weight:600}
.summary .sev-error dd{color:var(--error)}.summary .sev-warning dd{color:var(--warning)}
table{border-collapse:collapse;background:#fff;border:1px solid var(--line);min-width:60%}
th,td{padding:6px 12px;border-bottom:1px solid var(--line);text-align:left}td{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:grid;grid-template-columns:3fr 2fr;gap:16px;margin-top:16px}
figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px}
figcaption{font-weight:600;margin-bottom:8px}.chart{position:relative;height:280px}
.incident{content-visibility:auto;contain-intrinsic-size:auto 48px;background:#fff;border:1px solid var(--line);border-radius:8px;margin:8px 0}
.incident summary{cursor:pointer;padding:10px 14px;display:flex;gap:8px;align-items:center}
.incident details>:not(summary){margin-left:14px;margin-right:14px}
.count{display:inline-block;min-width:1.6em;text-align:center;border-radius:10px;font-size:.8rem;font-weight:600;padding:0 6px;color:#fff}
.count.sev-error{background:var(--error)}.count.sev-warning{background:var(--warning)}.count.none{background:#e4e4e8;color:var(--muted)}
.count+.count{margin-left:4px}
.title{font-weight:600}
.timeline{list-style:none;padding:0 0 8px;border-left:2px solid var(--line)}
.update{position:relative;padding:4px 0 12px 16px}
.update:before{content:"";position:absolute;left:-6px;top:10px;width:10px;height:10px;border-radius:50%;background:var(--muted)}
.meta{font-size:.85rem;color:var(--muted);display:flex;gap:8px;align-items:center}
.phase{border:1px solid var(--line);border-radius:4px;padding:0 6px;text-transform:capitalize}
.phase-resolved,.phase-completed{border-color:#1e7d32;color:#1e7d32}
.gap{font-variant-numeric:tabular-nums}
.body{white-space:pre-wrap;margin:4px 0}
.mark-error{background:#fde2e0;border-bottom:2px solid var(--error)}
.mark-warning{background:#fdf0d5;border-bottom:2px solid var(--warning)}
.promise-kept{outline:1px dashed #1e7d32}.promise-broken{outline:2px solid var(--error)}
.promise-last,.promise-unchecked{outline:1px dashed var(--muted)}
.problems,.promises{margin:4px 0;padding-left:18px;font-size:.9rem}
.problems .sev{font-weight:600;text-transform:uppercase;font-size:.75rem}
.problems .sev-error .sev{color:var(--error)}.problems .sev-warning .sev{color:var(--warning)}
.rule{color:var(--muted);font-size:.85rem}
.legend span{margin-right:8px;padding:0 4px}
.clean{color:#1e7d32}
`
