namespace AdaptGate.Core.Reports.Html;

/// <summary>
/// The report's one style sheet, inline. Colours are Okabe and Ito's palette, which stays distinct under the common
/// colour-vision deficiencies: blue for the reference, orange for the current data; each pair is also told apart by
/// shape (a line against bars, or the bar's side), so a grey print still reads. Dark mode swaps in lighter tints.
/// </summary>
internal static class HtmlStyle
{
    public const string Css = """
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#5c5c5c;--line:#d0d0d0;--panel:#f5f5f5;--ref:#0072b2;--cur:#e69f00;--bad:#d55e00;--ok:#009e73;--warn:#b8860b;--link:#0060a0}
@media (prefers-color-scheme:dark){:root{--bg:#161616;--fg:#e8e8e8;--muted:#a8a8a8;--line:#444;--panel:#222;--ref:#56b4e9;--cur:#e69f00;--bad:#ff8a4c;--ok:#3cc79e;--warn:#f0e442;--link:#8cc8ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
main,header,footer{max-width:1100px;margin:0 auto;padding:0 16px}
header{padding-top:16px}
h1{font-size:1.6em;margin:.3em 0}
h2{font-size:1.25em;margin:1.6em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}
h3{font-size:1.05em;margin:1.2em 0 .4em}
a{color:var(--link)}
.muted,figcaption .how{color:var(--muted)}
.verdict{display:inline-block;padding:.1em .5em;border-radius:4px;border:2px solid currentColor}
.v-skip{color:var(--ok)}.v-fine-tune{color:var(--warn)}.v-retrain{color:var(--bad)}
table{border-collapse:collapse;margin:.4em 0 1em;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid var(--line);padding:.25em .6em;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}
th{background:var(--panel)}
th button{font:inherit;font-weight:bold;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" ▲"}
th[aria-sort=descending] button::after{content:" ▼"}
tr.drifted td:first-child{border-left:4px solid var(--bad)}
.yes{color:var(--bad);font-weight:bold}
.wide{overflow-x:auto}
.filters{display:flex;gap:1.2em;align-items:center;flex-wrap:wrap;margin:.4em 0}
.filters input[type=search]{font:inherit;padding:.2em .4em;min-width:16em;background:var(--bg);color:var(--fg);border:1px solid var(--line)}
figure.chart{margin:1em 0 1.6em;padding:.6em .8em;background:var(--panel);border-radius:6px}
figcaption{margin-bottom:.3em}
figure.chart svg{width:100%;max-width:640px;height:auto;display:block}
.legend{display:block;font-size:.92em}
.key{display:inline-block;width:1.6em;height:.8em;margin:0 .3em 0 .8em;vertical-align:middle}
.key.ref-line{border-top:3px solid var(--ref);height:0}
.key.ref-bar{background:var(--ref)}
.key.cur-bar{background:var(--cur)}
svg .ref{fill:var(--ref)}svg .cur{fill:var(--cur)}
svg .ref-step{fill:none;stroke:var(--ref);stroke-width:3;stroke-linejoin:round}
svg .grid{stroke:var(--line);stroke-width:1}
svg .axis{stroke:var(--muted);stroke-width:1}
svg text{fill:var(--fg);font-size:12px;font-family:inherit}
svg text.tick{fill:var(--muted);font-size:11px}
table.bins{font-size:.88em;margin:.4em 0 0}
details{margin:.3em 0}
summary{cursor:pointer}
ul{padding-left:1.4em}
footer{margin:2em auto;color:var(--muted);font-size:.88em}
""";
}
