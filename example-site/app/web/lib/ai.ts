import OpenAI from "openai";

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export type OutlineSection = { title: string; lessons: string[] };

/**
 * Drafts a course outline for instructors. The result is only a suggestion:
 * instructors edit it before anything is published.
 */
export async function generateCourseOutline(
  topic: string,
  level: "beginner" | "intermediate" | "advanced",
): Promise<OutlineSection[]> {
  const completion = await openai.chat.completions.create({
    model: "gpt-4-turbo-preview",
    temperature: 0.4,
    response_format: { type: "json_object" },
    messages: [
      {
        role: "system",
        content:
          'You design online courses. Reply with JSON: {"sections":[{"title":string,"lessons":string[]}]}',
      },
      { role: "user", content: `Outline a ${level} course about: ${topic}` },
    ],
  });

  const raw = completion.choices[0]?.message?.content ?? "{}";
  const parsed = JSON.parse(raw) as { sections?: OutlineSection[] };
  return parsed.sections ?? [];
}
