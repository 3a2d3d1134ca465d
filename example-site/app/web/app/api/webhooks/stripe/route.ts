import { headers } from "next/headers";
import { NextResponse } from "next/server";
import type Stripe from "stripe";
import { stripe } from "@/lib/stripe";
import { prisma } from "@/lib/db";
import { sendReceiptEmail } from "@/lib/email";
import { notifyNewEnrollment } from "@/lib/slack";

const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET!;

export async function POST(req: Request) {
  const payload = await req.text();
  const signature = headers().get("stripe-signature");
  if (!signature) {
    return NextResponse.json({ error: "Missing signature" }, { status: 400 });
  }

  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(payload, signature, webhookSecret);
  } catch (err) {
    const message = err instanceof Error ? err.message : "invalid payload";
    return NextResponse.json({ error: `Webhook error: ${message}` }, { status: 400 });
  }

  switch (event.type) {
    case "payment_intent.succeeded": {
      const intent = event.data.object as Stripe.PaymentIntent;
      const { userId, courseId } = intent.metadata;
      if (!userId || !courseId) break;

      const enrollment = await prisma.enrollment.upsert({
        where: { userId_courseId: { userId, courseId } },
        create: { userId, courseId, stripePaymentIntentId: intent.id },
        update: { stripePaymentIntentId: intent.id },
        include: { user: true, course: true },
      });
      await sendReceiptEmail(enrollment.user.email, {
        courseTitle: enrollment.course.title,
        amountCents: intent.amount_received,
      });
      await notifyNewEnrollment(enrollment.user.email, enrollment.course.title);
      break;
    }
    case "customer.subscription.updated": {
      const subscription = event.data.object as Stripe.Subscription;
      await prisma.user.updateMany({
        where: { stripeCustomerId: subscription.customer as string },
        data: {
          plan: subscription.status === "active" ? "PRO" : "FREE",
          planRenewsAt: new Date(subscription.current_period_end * 1000),
        },
      });
      break;
    }
    case "customer.subscription.deleted": {
      const subscription = event.data.object as Stripe.Subscription;
      await prisma.user.updateMany({
        where: { stripeCustomerId: subscription.customer as string },
        data: { plan: "FREE", planRenewsAt: null },
      });
      break;
    }
    default:
      // Ignore events we have not subscribed to handling yet.
      break;
  }

  return NextResponse.json({ received: true });
}
