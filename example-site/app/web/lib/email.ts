import sgMail from "@sendgrid/mail";

sgMail.setApiKey(process.env.SENDGRID_API_KEY ?? "");

const FROM = process.env.EMAIL_FROM ?? "Coursely <hello@coursely.example>";

// Dynamic templates live in the SendGrid dashboard; only their IDs are kept here.
export const TEMPLATES = {
  receipt: "d-4f1c2a9e8b7d4e6f9a0b1c2d3e4f5a6b",
  passwordReset: "d-9a8b7c6d5e4f4a3b8c2d1e0f9a8b7c6d",
} as const;

export async function sendReceiptEmail(
  to: string,
  data: { courseTitle: string; amountCents: number },
): Promise<void> {
  await sgMail.send({
    to,
    from: FROM,
    templateId: TEMPLATES.receipt,
    dynamicTemplateData: {
      course_title: data.courseTitle,
      amount: (data.amountCents / 100).toFixed(2),
    },
  });
}

export async function sendPasswordResetEmail(to: string, resetUrl: string): Promise<void> {
  await sgMail.send({
    to,
    from: FROM,
    templateId: TEMPLATES.passwordReset,
    dynamicTemplateData: { reset_url: resetUrl },
  });
}
