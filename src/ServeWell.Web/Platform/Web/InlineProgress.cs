namespace ServeWell.Web.Platform.Web;

/// <summary>Reports on the calling thread, in order; <see cref="Progress{T}"/> posts to the thread pool and can reorder.</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
