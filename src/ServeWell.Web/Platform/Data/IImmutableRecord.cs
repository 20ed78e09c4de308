namespace ServeWell.Web.Platform.Data;

/// <summary>A row that is written once and never changed or deleted; the context refuses to save anything else (ADR-017).</summary>
public interface IImmutableRecord;
