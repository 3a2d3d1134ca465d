import type { NextAuthOptions } from "next-auth";
import GoogleProvider from "next-auth/providers/google";
import { prisma } from "@/lib/db";

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  providers: [
    GoogleProvider({
      clientId: process.env.GOOGLE_CLIENT_ID!,
      clientSecret: process.env.GOOGLE_CLIENT_SECRET!,
      authorization: { params: { scope: "openid email profile" } },
    }),
  ],
  callbacks: {
    async signIn({ user }) {
      if (!user.email) return false;
      await prisma.user.upsert({
        where: { email: user.email },
        create: { email: user.email, name: user.name ?? null, avatarUrl: user.image ?? null },
        update: { name: user.name ?? undefined },
      });
      return true;
    },
    async jwt({ token }) {
      if (token.email && !token.uid) {
        const dbUser = await prisma.user.findUnique({ where: { email: token.email } });
        token.uid = dbUser?.id;
      }
      return token;
    },
  },
};
