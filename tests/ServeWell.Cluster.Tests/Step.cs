using Xunit.Abstractions;
using Xunit.Sdk;

namespace ServeWell.Cluster.Tests;

/// <summary>Where a test runs in its class: the one that kills a node runs after those that need every node.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(int number) : Attribute
{
    public int Number { get; } = number;
}

public sealed class StepOrder : ITestCaseOrderer
{
    public const string Name = "ServeWell.Cluster.Tests.StepOrder";
    public const string Assembly = "ServeWell.Cluster.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName).FirstOrDefault()?.GetConstructorArguments().First() as int? ?? 0);
}
