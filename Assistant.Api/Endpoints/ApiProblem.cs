namespace Assistant.Api.Endpoints;

/// <summary>RFC 9457 problem details, the one shape every endpoint answers a refused request with.</summary>
public static class ApiProblem
{
    public static IResult Of(int status, string title, string detail) => Results.Problem(detail, statusCode: status, title: title);
}
