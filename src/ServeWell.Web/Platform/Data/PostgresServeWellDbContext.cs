using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Platform.Data;

public sealed class PostgresServeWellDbContext(
    DbContextOptions<PostgresServeWellDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null)
    : ServeWellDbContext(options, actor, clock);
