using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Core.Metrics;

/// <summary>
/// A read-only <see cref="IDataView"/> over in-memory arrays, one per column. Chosen over
/// <c>LoadFromEnumerable</c>, which needs a compile-time row class: a model's input schema is only
/// known at run time. Getters index the arrays directly, so 100k rows cost no per-row allocation.
/// </summary>
internal sealed class ColumnDataView : IDataView
{
    /// <summary>How often a cursor checks for cancellation: often enough to stop within milliseconds, rarely enough to cost nothing.</summary>
    private const int CancellationStride = 4096;

    private readonly ViewColumn[] _columns;
    private readonly int _rows;
    private readonly CancellationToken _cancellationToken;

    public ColumnDataView(IReadOnlyList<ViewColumn> columns, int rows, CancellationToken cancellationToken)
    {
        _columns = [.. columns];
        _rows = rows;
        _cancellationToken = cancellationToken;
        var builder = new DataViewSchema.Builder();
        foreach (var column in _columns)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded);

    // One cursor is enough: the data is in memory and evaluation reads it once.
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ColumnDataView _view;
        private readonly bool[] _active;
        private long _position = -1;

        public Cursor(ColumnDataView view, IEnumerable<DataViewSchema.Column> columnsNeeded)
        {
            _view = view;
            _active = new bool[view._columns.Length];
            foreach (var column in columnsNeeded)
            {
                _active[column.Index] = true;
            }
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override bool MoveNext()
        {
            if (_position + 1 >= _view._rows)
            {
                _position = _view._rows;
                return false;
            }

            _position++;
            if (_position % CancellationStride == 0)
            {
                _view._cancellationToken.ThrowIfCancellationRequested();
            }

            return true;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index])
            {
                throw new InvalidOperationException("Column '" + column.Name + "' was not requested by the cursor.");
            }

            var values = _view._columns[column.Index].Values as TValue[]
                ?? throw new InvalidOperationException($"Column '{column.Name}' is not of type {typeof(TValue).Name}.");
            return (ref TValue value) => value = values[_position];
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);
    }
}

/// <summary>
/// One column of a <see cref="ColumnDataView"/>: a name, an ML.NET type and an array of that type's
/// values; annotations when a consumer needs them (a training label's class names as key values).
/// </summary>
internal sealed record ViewColumn(string Name, DataViewType Type, Array Values, DataViewSchema.Annotations? Annotations = null);
