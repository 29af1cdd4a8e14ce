using Microsoft.AspNetCore.Mvc;

namespace Engage.Platform;

/// <summary>ProblemDetails that name the problem (RFC 9457), so every bad input gets a clear answer.</summary>
public static class Problems
{
    public static ProblemDetails BadRequest(string detail) =>
        new() { Status = 400, Title = "The request is not valid", Detail = detail };

    public static ProblemDetails NotFound(string what) =>
        new() { Status = 404, Title = "Not found", Detail = $"{what} was not found." };

    public static ProblemDetails Conflict(string detail) =>
        new() { Status = 409, Title = "Conflict", Detail = detail };
}
