import Link from "next/link";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const courses = await prisma.course.findMany({
    where: { published: true },
    orderBy: { createdAt: "desc" },
    include: { instructor: { select: { name: true } }, _count: { select: { lessons: true } } },
    take: 24,
  });

  return (
    <>
      <h1>Learn something useful this week</h1>
      {courses.length === 0 && <p>No courses published yet.</p>}
      <ul className="course-grid">
        {courses.map((course) => (
          <li key={course.id}>
            <Link href={`/courses/${course.id}`}>
              <h2>{course.title}</h2>
            </Link>
            <p>{course.summary}</p>
            <p className="meta">
              {course.instructor.name ?? "Coursely instructor"} · {course._count.lessons} lessons · $
              {(course.priceCents / 100).toFixed(2)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
