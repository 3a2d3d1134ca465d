import { createSupabaseAdminClient } from "@/lib/supabase/server";

const AVATARS_BUCKET = "avatars"; // public bucket
const MATERIALS_BUCKET = "course-materials"; // private bucket, signed URLs only

export async function uploadAvatar(userId: string, file: File): Promise<string> {
  const supabase = createSupabaseAdminClient();
  const path = `${userId}/${Date.now()}-${file.name}`;

  const { error } = await supabase.storage
    .from(AVATARS_BUCKET)
    .upload(path, file, { upsert: true, contentType: file.type });
  if (error) throw error;

  return supabase.storage.from(AVATARS_BUCKET).getPublicUrl(path).data.publicUrl;
}

export async function uploadCourseMaterial(courseId: string, file: File): Promise<string> {
  const supabase = createSupabaseAdminClient();
  const path = `${courseId}/${file.name}`;

  const { error } = await supabase.storage
    .from(MATERIALS_BUCKET)
    .upload(path, file, { upsert: false, contentType: file.type });
  if (error) throw error;

  return path;
}

export async function courseMaterialUrl(path: string, expiresInSeconds = 3600): Promise<string> {
  const supabase = createSupabaseAdminClient();
  const { data, error } = await supabase.storage
    .from(MATERIALS_BUCKET)
    .createSignedUrl(path, expiresInSeconds);
  if (error) throw error;
  return data.signedUrl;
}
