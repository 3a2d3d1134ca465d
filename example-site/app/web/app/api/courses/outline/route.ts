import { NextResponse } from "next/server";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";
import { generateCourseOutline } from "@/lib/ai";
import { rateLimit } from "@/lib/redis";

const LEVELS = ["beginner", "intermediate", "advanced"] as const;

export async function POST(req: Request) {
  const session = await getServerSession(authOptions);
  if (!session?.user?.email) {
    return NextResponse.json({ error: "Not signed in" }, { status: 401 });
  }

  // OpenAI calls are the expensive part of this app: 5 outlines per hour per instructor.
  const limited = await rateLimit(`outline:${session.user.email}`, 5, 3600);
  if (!limited.ok) {
    return NextResponse.json({ error: "Outline limit reached, try again later" }, { status: 429 });
  }

  const { topic, level } = (await req.json()) as { topic?: string; level?: string };
  if (!topic || topic.length > 200) {
    return NextResponse.json({ error: "topic must be 1-200 characters" }, { status: 400 });
  }
  const safeLevel = LEVELS.find((l) => l === level) ?? "beginner";

  const sections = await generateCourseOutline(topic, safeLevel);
  return NextResponse.json({ sections });
}
