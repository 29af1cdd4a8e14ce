using System.Reflection;
using Engage.Analysis;
using Engage.Platform;
using Engage.Reporting;
using Engage.Seminar;
using Engage.Workshop;

namespace Engage.ArchitectureTests;

/// <summary>The design the rules check: four modules, each an implementation assembly, a contracts assembly and a store.</summary>
public sealed record Module(string Name, Assembly Implementation, Assembly Contracts, Type Store)
{
    public override string ToString() => Name;

    /// <summary>Full names of the implementation's own types: what no other module may touch.</summary>
    public string[] ImplementationTypeNames() =>
        Implementation.GetTypes().Where(t => !t.IsNested && t.Namespace is not null && !t.Name.StartsWith('<'))
            .Select(t => t.FullName!).ToArray();
}

public static class Design
{
    public static readonly Module[] Modules =
    [
        new("Seminar", typeof(SeminarModule).Assembly, typeof(Seminar.Contracts.SeminarConcluded).Assembly, typeof(ISeminarStore)),
        new("Workshop", typeof(WorkshopModule).Assembly, typeof(Workshop.Contracts.ContributionPublished).Assembly, typeof(IWorkshopStore)),
        new("Analysis", typeof(AnalysisModule).Assembly, typeof(Analysis.Contracts.AnalysisPublished).Assembly, typeof(IAnalysisStore)),
        new("Reporting", typeof(ReportingModule).Assembly, typeof(Reporting.Contracts.ReportPublished).Assembly, typeof(IReportingStore))
    ];

    public static readonly Assembly Platform = typeof(PlatformModule).Assembly;
    public static readonly Assembly Host = typeof(Program).Assembly;

    public static IEnumerable<object[]> EachModule() => Modules.Select(m => new object[] { m.Name });

    public static Module Named(string name) => Modules.Single(m => m.Name == name);

    /// <summary>Every assembly whose code we write, for the rules that hold everywhere.</summary>
    public static Assembly[] OurAssemblies() => [Platform, .. Modules.Select(m => m.Implementation)];
}
