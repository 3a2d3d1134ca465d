import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

// Course exports (zip bundles of a course) go to S3; the worker writes
// transcoded video to the same bucket.
const BUCKET = process.env.S3_BUCKET ?? "prod-course-exports";

const s3 = new S3Client({
  region: process.env.AWS_REGION ?? "us-east-1",
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? "",
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "",
  },
});

export async function putCourseExport(courseId: string, body: Uint8Array): Promise<string> {
  const key = `exports/${courseId}/${new Date().toISOString()}.zip`;
  await s3.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: key,
      Body: body,
      ContentType: "application/zip",
    }),
  );
  return key;
}

export async function exportDownloadUrl(key: string, expiresIn = 900): Promise<string> {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn });
}

/** Lets instructors upload raw video straight to S3 for the worker to transcode. */
export async function rawVideoUploadUrl(lessonId: string, contentType: string): Promise<{ url: string; key: string }> {
  const key = `raw/${lessonId}.mp4`;
  const url = await getSignedUrl(
    s3,
    new PutObjectCommand({ Bucket: BUCKET, Key: key, ContentType: contentType }),
    { expiresIn: 600 },
  );
  return { url, key };
}
