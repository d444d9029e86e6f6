using AdaptGate.Core.Output;
using Microsoft.ML;

namespace AdaptGate.Core.Adaptation;

/// <summary>Saves a model whole or not at all (<see cref="OutputFile"/>): a pipeline never picks up half a .zip.</summary>
internal static class ModelFile
{
    public static void Save(MLContext ml, ITransformer model, DataViewSchema inputSchema, string path) =>
        OutputFile.Write(path, "the adapted model", stream => ml.Model.Save(model, inputSchema, stream));
}
