import { notFound } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";
import { prisma } from "@/lib/db";
import { createSupabaseServerClient } from "@/lib/supabase/server";
import { EnrollButton } from "@/components/EnrollButton";
import { LessonList } from "@/components/LessonList";

type Props = { params: { id: string } };

export default async function CoursePage({ params }: Props) {
  const course = await prisma.course.findFirst({
    where: { id: params.id, published: true },
    include: { lessons: { orderBy: { position: "asc" } }, instructor: true },
  });
  if (!course) notFound();

  const session = await getServerSession(authOptions);
  const enrolled = session?.user?.email
    ? (await prisma.enrollment.count({
        where: { courseId: course.id, user: { email: session.user.email } },
      })) > 0
    : false;

  // Material list is readable by anyone; downloads need a signed URL (see lib/storage.ts).
  const supabase = createSupabaseServerClient();
  const { data: materials } = await supabase.storage.from("course-materials").list(course.id);

  return (
    <article>
      <h1>{course.title}</h1>
      <p>{course.summary}</p>
      <p className="meta">Taught by {course.instructor.name ?? "a Coursely instructor"}</p>

      <EnrollButton courseId={course.id} priceCents={course.priceCents} enrolled={enrolled} />

      <h2>Lessons</h2>
      <LessonList
        courseId={course.id}
        lessons={course.lessons.map((l) => ({
          id: l.id,
          title: l.title,
          videoReady: l.videoStatus === "ready",
        }))}
      />

      {materials && materials.length > 0 && (
        <>
          <h2>Materials</h2>
          <ul>
            {materials.map((m) => (
              <li key={m.name}>{m.name}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
