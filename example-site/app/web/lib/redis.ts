import Redis from "ioredis";

const globalForRedis = globalThis as unknown as { redis?: Redis };

export const redis =
  globalForRedis.redis ??
  new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", {
    maxRetriesPerRequest: 2,
    lazyConnect: true,
  });

if (process.env.NODE_ENV !== "production") globalForRedis.redis = redis;

/**
 * Fixed-window rate limiter: allows `limit` hits per `windowSeconds` per key.
 */
export async function rateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<{ ok: boolean; remaining: number }> {
  const bucket = `ratelimit:${key}:${Math.floor(Date.now() / 1000 / windowSeconds)}`;
  const [[, count]] = (await redis
    .multi()
    .incr(bucket)
    .expire(bucket, windowSeconds)
    .exec()) as [[Error | null, number], [Error | null, number]];
  return { ok: count <= limit, remaining: Math.max(0, limit - count) };
}
