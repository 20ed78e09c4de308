namespace ServeWell.Web.Modules.Insights.Statistics;

/// <summary>An office's frontline staff and how many of them had completed a programme by two dates.</summary>
/// <param name="CompletedByCutoff">Completed by the start of the "after" months.</param>
/// <param name="CompletedByWindowEnd">Completed by the end of the "after" months.</param>
public sealed record OfficeTraining(int OfficeId, int FrontlineStaff, int CompletedByCutoff, int CompletedByWindowEnd);

/// <summary>The two arms of a training-impact comparison.</summary>
/// <param name="Excluded">Offices in neither arm: partly trained, or without frontline staff.</param>
public sealed record TrainingArmsResult(IReadOnlySet<int> Treated, IReadOnlySet<int> Control, IReadOnlySet<int> Excluded);

/// <summary>
/// Which offices count as trained and which as not yet trained. Treated: at least <c>treatedShare</c> of the frontline
/// staff had completed by the cutoff. Control: fewer than <c>controlShare</c> had completed even by the end of the window,
/// so the control arm stays untrained for the whole comparison. Offices in between would blur both arms and are left out.
/// </summary>
public static class TrainingArms
{
    /// <summary>Default share of frontline staff that makes an office "trained".</summary>
    public const double DefaultTreatedShare = 0.8;

    /// <summary>Default share below which an office is "not yet trained".</summary>
    public const double DefaultControlShare = 0.2;

    /// <summary>Assigns each office to an arm (see the type's remarks).</summary>
    public static TrainingArmsResult Assign(
        IEnumerable<OfficeTraining> offices, double treatedShare = DefaultTreatedShare, double controlShare = DefaultControlShare)
    {
        ArgumentNullException.ThrowIfNull(offices);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(controlShare, treatedShare);
        HashSet<int> treated = [], control = [], excluded = [];
        foreach (var office in offices)
        {
            if (office.FrontlineStaff <= 0)
            {
                excluded.Add(office.OfficeId);
            }
            else if ((double)office.CompletedByCutoff / office.FrontlineStaff >= treatedShare)
            {
                treated.Add(office.OfficeId);
            }
            else if ((double)office.CompletedByWindowEnd / office.FrontlineStaff < controlShare)
            {
                control.Add(office.OfficeId);
            }
            else
            {
                excluded.Add(office.OfficeId);
            }
        }

        return new TrainingArmsResult(treated, control, excluded);
    }
}
