namespace Assistant.Api;

/// <summary>Makes the top-level Program visible to WebApplicationFactory in the tests (InternalsVisibleTo is not enough,
/// because the generated Program class is internal to this assembly's entry point).</summary>
public partial class Program;
