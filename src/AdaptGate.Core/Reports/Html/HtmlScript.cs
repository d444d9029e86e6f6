namespace AdaptGate.Core.Reports.Html;

/// <summary>
/// The report's one script, inline: sorts the column table by a header's button and filters it by name and by
/// drifted. It reads the table only (each cell's data-v is its sort key), so the page reads the same without it.
/// </summary>
internal static class HtmlScript
{
    public const string Js = """
(() => {
  const table = document.getElementById('column-table');
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const filter = document.getElementById('column-filter');
  const driftedOnly = document.getElementById('drifted-only');
  const shown = document.getElementById('columns-shown');
  const apply = () => {
    const q = filter.value.trim().toLowerCase();
    let n = 0;
    for (const row of rows) {
      const show = (!q || row.dataset.name.toLowerCase().includes(q)) && (!driftedOnly.checked || row.classList.contains('drifted'));
      row.hidden = !show;
      if (show) n++;
    }
    shown.textContent = n + ' of ' + rows.length + ' columns shown';
  };
  filter.addEventListener('input', apply);
  driftedOnly.addEventListener('change', apply);
  const compare = (number, x, y) => {
    if (!number) return x.localeCompare(y, undefined, { numeric: true });
    const a = parseFloat(x), b = parseFloat(y);
    return a < b ? -1 : a > b ? 1 : 0;
  };
  for (const button of table.tHead.querySelectorAll('th button')) {
    button.addEventListener('click', () => {
      const th = button.parentElement;
      const i = th.cellIndex;
      const number = th.dataset.type === 'number';
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of table.tHead.rows[0].cells) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const sorted = rows.slice().sort((r, s) => {
        const x = r.cells[i].dataset.v, y = s.cells[i].dataset.v;
        if (x === '' || y === '') return (x === '') - (y === '');
        const c = compare(number, x, y);
        return ascending ? c : -c;
      });
      for (const row of sorted) body.appendChild(row);
    });
  }
  apply();
})();
""";
}
