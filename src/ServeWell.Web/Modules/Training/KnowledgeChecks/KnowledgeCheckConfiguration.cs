using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.KnowledgeChecks;

internal sealed class KnowledgeCheckConfiguration : IEntityTypeConfiguration<KnowledgeCheck>
{
    public void Configure(EntityTypeBuilder<KnowledgeCheck> builder)
    {
        builder.ToTable("knowledge_checks");
        builder.HasIndex(k => k.ProgrammeId).IsUnique();
        // The quiz's foreign key is declared by Learning (ADR-033: Training does not know Learning's tables).
        builder.HasIndex(k => k.QuizId);
        builder.HasOne<Programme>().WithMany().HasForeignKey(k => k.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(k => k.Questions).WithOne().HasForeignKey(q => q.KnowledgeCheckId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgeQuestionConfiguration : IEntityTypeConfiguration<KnowledgeQuestion>
{
    public void Configure(EntityTypeBuilder<KnowledgeQuestion> builder)
    {
        builder.ToTable("knowledge_questions");
        builder.HasLocalText(q => q.Text, 1000);
        // Options are read and written with their question, never queried one by one.
        builder.Property(q => q.Options)
            .HasConversion(o => KnowledgeOptionsJson.Write(o), json => KnowledgeOptionsJson.Read(json),
                new ValueComparer<List<LocalText>>((a, b) => a!.SequenceEqual(b!), o => o.Aggregate(0, (h, s) => HashCode.Combine(h, s)), o => o.ToList()))
            .HasMaxLength(8000);
        builder.HasIndex(q => new { q.KnowledgeCheckId, q.Order });
    }
}

internal sealed class KnowledgeAttemptConfiguration : IEntityTypeConfiguration<KnowledgeAttempt>
{
    public void Configure(EntityTypeBuilder<KnowledgeAttempt> builder)
    {
        builder.ToTable("knowledge_attempts");
        builder.HasIndex(a => new { a.ProgrammeId, a.EmployeeId, a.Cycle, a.Phase, a.Number }).IsUnique();
        builder.HasIndex(a => a.SessionId);
        // One ledger row per programme and quiz attempt: recording the same submission again adds nothing.
        builder.HasIndex(a => new { a.QuizAttemptId, a.ProgrammeId }).IsUnique();
        builder.Property(a => a.Answers)
            .HasConversion(a => JsonSerializer.Serialize(a, JsonSerializerOptions.Default), json => JsonSerializer.Deserialize<List<KnowledgeAnswer>>(json, JsonSerializerOptions.Default) ?? new List<KnowledgeAnswer>(),
                new ValueComparer<List<KnowledgeAnswer>>((a, b) => a!.SequenceEqual(b!), a => a.Aggregate(0, (h, x) => HashCode.Combine(h, x)), a => a.ToList()))
            .HasMaxLength(8000);
        builder.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>
/// The options column: an array of <c>{"en","ko"}</c> objects. Rows written before texts per language hold an array of
/// plain strings, read as Korean (the city's default language, as the migration put the question's text, ADR-035).
/// </summary>
internal static class KnowledgeOptionsJson
{
    // Hangul as itself, not \uXXXX: six options in two languages stay far inside the column.
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(List<LocalText> options) => JsonSerializer.Serialize(options, Options);

    public static List<LocalText> Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(o => o.ValueKind == JsonValueKind.String
            ? LocalText.In("ko", o.GetString())
            : LocalText.Of(Text(o, "en"), Text(o, "ko"))).ToList();
    }

    private static string? Text(JsonElement o, string language) =>
        o.TryGetProperty(language, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
}
