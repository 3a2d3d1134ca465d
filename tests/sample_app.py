"""A small realistic app for CLI and export tests: Stripe, SendGrid, Redis, one webhook.

The planted live-looking secret is built at run time by concatenation so that no secret
scanner (ours or GitHub's) ever sees it in this repository; tests assert that its VALUE
appears in no output.
"""

from __future__ import annotations

from pathlib import Path

from helpers import write_tree

from mkdocs_integrations.inventory import Inventory
from mkdocs_integrations.pipeline import build_inventory
from mkdocs_integrations.scan import Scanner

PLANTED_SECRET = "sk_" + "live_" + "51HxQz" + "Tq8RkVbN3mWcYp" + "7LdFgA2sJ9eK"

PACKAGE_JSON = """\
{
  "name": "shop",
  "dependencies": {
    "@sendgrid/mail": "^8.1.0",
    "express": "^4.18.2",
    "redis": "^4.6.0",
    "stripe": "^14.8.0"
  }
}
"""

SERVER_JS = """\
const express = require('express');
const Stripe = require('stripe');
const sgMail = require('@sendgrid/mail');
const { createClient } = require('redis');

const stripe = Stripe(process.env.STRIPE_SECRET_KEY);
sgMail.setApiKey(process.env.SENDGRID_API_KEY);
const cache = createClient({ url: process.env.REDIS_URL });
const app = express();

app.post('/webhooks/stripe', express.raw({ type: 'application/json' }), (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], process.env.STRIPE_WEBHOOK_SECRET);
  if (event.type === 'checkout.session.completed') {
    sgMail.send({ to: 'buyer@example.com', from: 'shop@example.com', subject: 'Thanks' });
  }
  res.sendStatus(200);
});

async function checkout(cart) {
  await cache.set('cart', JSON.stringify(cart));
  return stripe.checkout.sessions.create({ mode: 'payment' });
}

module.exports = { app, checkout };
"""

ENV_EXAMPLE = """\
STRIPE_SECRET_KEY=sk_test_xxx
STRIPE_WEBHOOK_SECRET=
SENDGRID_API_KEY=
REDIS_URL=redis://localhost:6379
"""


def write_app(root: Path) -> Path:
    """The app under root/app; returns root (the folder to run the CLI from)."""
    write_tree(root, {
        "app/package.json": PACKAGE_JSON,
        "app/src/server.js": SERVER_JS,
        "app/.env.example": ENV_EXAMPLE,
        "app/src/legacy.js": f'const LEGACY_KEY = "{PLANTED_SECRET}";\nmodule.exports = {{ LEGACY_KEY }};\n',
    })
    return root


def scan_app(root: Path) -> Inventory:
    """The pipeline's inventory of root/app, paths relative to root."""
    inv, _ = build_inventory(Scanner(), [root / "app"], root, analysis_date="2024-05-01")
    return inv
