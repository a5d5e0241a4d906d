using Assistant.Api;
using Assistant.Api.DirectLine;
using Assistant.Api.Endpoints;
using Assistant.Api.Evaluation;
using Assistant.Bot;
using Assistant.Bot.Speech;
using Assistant.Search;

if (args is ["eval", ..])
{
    return await EvalCommand.RunAsync(args[1..], Console.Out, CancellationToken.None);
}

// Settings and data travel with the binaries, so the app starts the same from any folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddAssistantSearch(builder.Configuration);
builder.Services.AddAssistantBot(builder.Configuration);
builder.Services.AddDirectLine();
builder.Services.AddAssistantRateLimits();
builder.Services.AddAssistantSpeech(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<Readiness>();
builder.Services.AddHostedService<WarmUpService>();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebSockets();
app.UseRateLimiter();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapHealthEndpoint();
app.MapSearchEndpoints();
app.MapUnderstandEndpoints();
app.MapMessagesEndpoints();
app.MapRatingEndpoints();
app.MapDirectLineEndpoints();
app.MapSpeechEndpoints();
app.MapPluginEndpoints();
app.Run();
return 0;
