using Microsoft.ML.Trainers;

namespace Assistant.Search.Intents;

/// <summary>
/// The squared hinge loss max(0, 1 - y·s)² for ML.NET's SDCA: the L2-loss SVM that liblinear (and scikit-learn's
/// LinearSVC) solves by default. ML.NET ships hinge and smoothed hinge only.
/// </summary>
/// <remarks>
/// SDCA (Shalev-Shwartz and Zhang 2013) keeps a dual variable per example; with β = y·α ≥ 0 the dual loss of the squared
/// hinge is β − β²/4, and the step that maximises the dual along one coordinate has the closed form
/// Δβ = (1 − y·s − β/2) / (1/2 + q), clipped so β stays ≥ 0, where q is what ML.NET passes as the "scaled features
/// norm" ((‖x‖² + 1)/(λn), the 1 for the bias): the invariant is 1/(1/2 + q), as for ML.NET's own squared loss.
/// </remarks>
public sealed class SquaredHingeLoss : ISupportSdcaClassificationLoss
{
    public double Loss(float output, float label)
    {
        var margin = 1 - Truth(label) * output;
        return margin > 0 ? (double)margin * margin : 0;
    }

    public float Derivative(float output, float label)
    {
        var truth = Truth(label);
        var margin = 1 - truth * output;
        return margin > 0 ? -2 * truth * margin : 0;
    }

    public float ComputeDualUpdateInvariant(float scaledFeaturesNormSquared) => 1 / (0.5f + scaledFeaturesNormSquared);

    public float DualUpdate(float output, float label, float dual, float invariant, int maxNumThreads)
    {
        var truth = Truth(label);
        var beta = truth * dual;
        var updated = Math.Max(0, beta + (1 - truth * output - beta / 2) * invariant);
        var step = truth * updated - dual;
        return maxNumThreads >= 2 ? step / maxNumThreads : step;    // as ML.NET's own losses damp concurrent updates
    }

    public double DualLoss(float label, float dual)
    {
        var beta = (double)Truth(label) * dual;
        return beta < 0 ? double.NegativeInfinity : beta - beta * beta / 4;    // outside the feasible region β ≥ 0
    }

    private static float Truth(float label) => label > 0 ? 1 : -1;
}
