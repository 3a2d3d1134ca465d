"use client";

import { useState } from "react";
import { trackLessonCompleted } from "@/lib/analytics";

type Lesson = { id: string; title: string; videoReady: boolean };

export function LessonList({ courseId, lessons }: { courseId: string; lessons: Lesson[] }) {
  const [done, setDone] = useState<Set<string>>(new Set());

  function complete(lessonId: string) {
    if (done.has(lessonId)) return;
    setDone(new Set(done).add(lessonId));
    trackLessonCompleted(courseId, lessonId);
  }

  return (
    <ol className="lessons">
      {lessons.map((lesson) => (
        <li key={lesson.id}>
          <span>{lesson.title}</span>
          {!lesson.videoReady && <em> (video processing)</em>}
          <button onClick={() => complete(lesson.id)} disabled={done.has(lesson.id)}>
            {done.has(lesson.id) ? "Completed" : "Mark complete"}
          </button>
        </li>
      ))}
    </ol>
  );
}
