/**
 * The buyer quote page's stylesheet, served from `/assets/buyer-quote.css` (the CSP allows same-origin styles only).
 * Fluid to phone width; text and controls keep at least 4.5:1 contrast; focus is always visible.
 */
export const buyerQuoteStyle = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #c9ced6; --accent: #0b5cad; --bad: #a4161a; --good: #1b6e3a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
header { background: #0d2b4e; color: #fff; padding: .75rem 1rem; }
.brand { margin: 0; font-weight: 700; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; background: #fff; min-height: 100vh; }
h1 { font-size: 1.5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 0 0 .5rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .5rem 1rem; margin: 0; }
.facts dt { color: var(--muted); font-size: .875rem; }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; margin-top: 1rem; }
table { border-collapse: collapse; width: 100%; min-width: 36rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot th, tfoot td { font-weight: 700; }
.decision { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
input, textarea { width: 100%; font: inherit; padding: .5rem; border: 1px solid #6b7280; border-radius: 4px; }
button { font: inherit; font-weight: 600; margin-top: .75rem; padding: .6rem 1.1rem; border-radius: 4px; border: 2px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
button.danger { background: var(--bad); border-color: var(--bad); }
button:disabled { opacity: .6; cursor: wait; }
:focus-visible { outline: 3px solid #f2b705; outline-offset: 2px; }
#status { min-height: 1.5rem; font-weight: 600; }
#status.error { color: var(--bad); }
#status.ok { color: var(--good); }
.hint { color: var(--muted); font-size: .875rem; }
code { overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  table { min-width: 0; }
  thead { display: none; }
  tbody tr { display: block; border-bottom: 1px solid var(--line); padding: .5rem 0; }
  tbody td { display: flex; justify-content: space-between; gap: 1rem; border: 0; padding: .15rem 0; text-align: right; }
  tbody td::before { content: attr(data-label); color: var(--muted); text-align: left; }
  tfoot tr { display: flex; justify-content: space-between; }
  tfoot th, tfoot td { border: 0; padding: .25rem 0; }
  tfoot td:empty { display: none; }
}
`;
