import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";
import { putCourseExport } from "@/lib/s3";

// Invoked nightly by Vercel Cron (see vercel.json).
export async function GET(req: Request) {
  if (req.headers.get("authorization") !== `Bearer ${process.env.CRON_SECRET}`) {
    return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  }

  const courses = await prisma.course.findMany({
    where: { published: true },
    include: { lessons: { orderBy: { position: "asc" } } },
  });

  const keys: string[] = [];
  for (const course of courses) {
    const manifest = new TextEncoder().encode(JSON.stringify(course, null, 2));
    keys.push(await putCourseExport(course.id, manifest));
  }

  return NextResponse.json({ exported: keys.length });
}
