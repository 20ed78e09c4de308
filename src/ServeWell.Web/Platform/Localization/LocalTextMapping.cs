using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServeWell.Web.Platform.Localization;

/// <summary>How a <see cref="LocalText"/> is stored: a complex property over two columns, <c>{name}En</c> and <c>{name}Ko</c>.</summary>
public static class LocalTextMapping
{
    public static EntityTypeBuilder<T> HasLocalText<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, LocalText?>> property, int maxLength)
        where T : class
    {
        var name = ((MemberExpression)property.Body).Member.Name;
        builder.ComplexProperty(property, text =>
        {
            text.Property(t => t.En).HasColumnName(name + "En").HasMaxLength(maxLength);
            text.Property(t => t.Ko).HasColumnName(name + "Ko").HasMaxLength(maxLength);
        });
        return builder;
    }
}
