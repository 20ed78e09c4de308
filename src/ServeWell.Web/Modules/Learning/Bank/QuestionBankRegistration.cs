using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Bank;

public static class QuestionBankRegistration
{
    public static WebApplicationBuilder AddQuestionBank(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<QuestionBankOptions>(builder.Configuration.GetSection(QuestionBankOptions.Section));
        builder.Services.AddScoped<QuestionBankStore>();
        builder.AddNavigation(new NavigationItem("Question bank", "/Learning/Bank", Policies.ManageTraining, 62, NavigationArea.Training));
        return builder;
    }
}
