import { NextResponse } from "next/server";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";
import { prisma } from "@/lib/db";
import { stripe, appUrl, PRO_MONTHLY_PRICE_ID } from "@/lib/stripe";
import { rateLimit } from "@/lib/redis";

type CheckoutBody = { courseId?: string; plan?: "course" | "pro" };

export async function POST(req: Request) {
  const session = await getServerSession(authOptions);
  if (!session?.user?.email) {
    return NextResponse.json({ error: "Not signed in" }, { status: 401 });
  }

  const limited = await rateLimit(`checkout:${session.user.email}`, 10, 60);
  if (!limited.ok) {
    return NextResponse.json({ error: "Too many requests" }, { status: 429 });
  }

  const body = (await req.json()) as CheckoutBody;
  const user = await prisma.user.findUniqueOrThrow({
    where: { email: session.user.email },
  });

  if (body.plan === "pro") {
    const checkout = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: user.stripeCustomerId ?? undefined,
      customer_email: user.stripeCustomerId ? undefined : user.email,
      line_items: [{ price: PRO_MONTHLY_PRICE_ID, quantity: 1 }],
      success_url: appUrl("/account?upgraded=1"),
      cancel_url: appUrl("/pricing"),
      metadata: { userId: user.id },
    });
    return NextResponse.json({ url: checkout.url });
  }

  if (!body.courseId) {
    return NextResponse.json({ error: "courseId is required" }, { status: 400 });
  }
  const course = await prisma.course.findUniqueOrThrow({
    where: { id: body.courseId },
  });

  const checkout = await stripe.checkout.sessions.create({
    mode: "payment",
    customer_email: user.email,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: "usd",
          unit_amount: course.priceCents,
          product_data: { name: course.title },
        },
      },
    ],
    payment_intent_data: {
      metadata: { userId: user.id, courseId: course.id },
    },
    success_url: appUrl(`/courses/${course.id}?enrolled=1`),
    cancel_url: appUrl(`/courses/${course.id}`),
  });

  return NextResponse.json({ url: checkout.url });
}
