"""Imports and env reads for Go, Ruby, Java, Kotlin, PHP, C#, Rust and Elixir source files.

Import evidence is only emitted for modules the catalog knows, so the import cases use
services every catalog revision carries (Stripe, Twilio, SendGrid); the first test checks
that assumption so a catalog change fails here with a clear message.
"""

from __future__ import annotations

import pytest

from mkdocs_integrations.scan.detectors.code import DETECTOR

KNOWN = [
    ("go", "github.com/stripe/stripe-go/v76"),
    ("go", "github.com/twilio/twilio-go"),
    ("go", "github.com/sendgrid/sendgrid-go"),
    ("ruby", "stripe"),
    ("ruby", "twilio-ruby"),
    ("java", "com.stripe.Stripe"),
    ("java", "com.twilio.Twilio"),
    ("php", "Stripe\\StripeClient"),
    ("php", "Twilio\\Rest\\Client"),
    ("php", "SendGrid\\Mail\\Mail"),
    ("csharp", "Stripe"),
    ("csharp", "Twilio.Rest.Api.V2010.Account"),
    ("rust", "async_stripe::Client"),
    ("elixir", "Swoosh.Adapters.Postmark"),
    ("elixir", "ExAws.S3"),
]


@pytest.mark.parametrize(("language", "module"), KNOWN)
def test_catalog_knows_the_modules_used_below(ctx, language, module):
    assert ctx.index.import_(language, module), f"catalog lost {language} import {module}"


def imports(evidence):
    return {e.name: e.line for e in evidence if e.kind == "import"}


def env(evidence):
    return {e.name: e.line for e in evidence if e.kind == "env_read"}


# -- Go ------------------------------------------------------------------------------------

GO = """\
package billing

// import "github.com/sendgrid/sendgrid-go"
import (
	"context"
	"fmt"
	"os"

	stripe "github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/checkout/session"
	_ "github.com/twilio/twilio-go" // registers nothing; just here for the test
	/* "github.com/sendgrid/sendgrid-go/helpers/mail" */
)

import sg "github.com/sendgrid/sendgrid-go"

func Configure(ctx context.Context) error {
	// key := os.Getenv("STRIPE_API_KEY")
	stripe.Key = os.Getenv("STRIPE_SECRET_KEY")
	if sid, ok := os.LookupEnv("TWILIO_ACCOUNT_SID"); ok {
		fmt.Println(sid)
	}
	_ = sg.NewSendClient(os.Getenv("SENDGRID_API_KEY"))
	return nil
}
"""


def test_go_grouped_imports_with_aliases_each_on_its_line(run_detector):
    evidence, _ = run_detector(DETECTOR, "internal/billing/stripe.go", GO)
    assert imports(evidence) == {
        "github.com/stripe/stripe-go/v76": 9,
        "github.com/stripe/stripe-go/v76/checkout/session": 10,
        "github.com/twilio/twilio-go": 11,
        "github.com/sendgrid/sendgrid-go": 15,
    }
    assert all(e.ecosystem == "go" for e in evidence if e.kind in ("import", "env_read"))


def test_go_env_reads_not_in_comments(run_detector):
    evidence, _ = run_detector(DETECTOR, "internal/billing/stripe.go", GO)
    assert env(evidence) == {"STRIPE_SECRET_KEY": 19, "TWILIO_ACCOUNT_SID": 20, "SENDGRID_API_KEY": 23}



def test_go_cli_flags_env_fallbacks_are_env_reads(run_detector):
    """urfave/cli's `EnvVars`/`EnvVar`/`cli.EnvVars(...)` and kingpin's `.Envar(...)`: a flag
    falls back to these variables, which the program reads at start-up."""
    src = """\
package cmd

var globalFlags = []cli.Flag{
\t&cli.StringFlag{
\t\tName:    "ga-key",
\t\tUsage:   "key for google analytics (front end)",
\t\tEnvVars: []string{"GA_KEY", "GOOGLE_ANALYTICS_ID"},
\t},
\tcli.StringFlag{Name: "uservoice-key", EnvVar: "USERVOICE_KEY,UV_KEY"},
\t&cli.StringFlag{Name: "dsn", Sources: cli.EnvVars("SENTRY_DSN")},
}

var token = kingpin.Flag("token", "API token").Envar("BUGSNAG_API_KEY").String()
// EnvVars: []string{"COMMENTED_OUT"}
"""
    evidence, _ = run_detector(DETECTOR, "cmd/cmd.go", src)
    assert env(evidence) == {"GA_KEY": 7, "GOOGLE_ANALYTICS_ID": 7, "USERVOICE_KEY": 9, "UV_KEY": 9,
                             "SENTRY_DSN": 10, "BUGSNAG_API_KEY": 13}

# -- Ruby ----------------------------------------------------------------------------------

RUBY = """\
# frozen_string_literal: true
# require 'sendgrid-ruby'

require "stripe"
require 'twilio-ruby'
require_relative "stripe"

Stripe.api_key = ENV["STRIPE_SECRET_KEY"]

class SmsClient
  def initialize
    @client = Twilio::REST::Client.new(ENV.fetch("TWILIO_ACCOUNT_SID"), ENV.fetch('TWILIO_AUTH_TOKEN') { nil })
    @from = ENV['TWILIO_FROM_NUMBER'] # ENV['TWILIO_UNUSED']
  end
end
"""


def test_ruby_requires_and_env(run_detector):
    evidence, _ = run_detector(DETECTOR, "app/services/sms_client.rb", RUBY)
    assert imports(evidence) == {"stripe": 4, "twilio-ruby": 5}
    assert env(evidence) == {
        "STRIPE_SECRET_KEY": 8, "TWILIO_ACCOUNT_SID": 12, "TWILIO_AUTH_TOKEN": 12, "TWILIO_FROM_NUMBER": 13,
    }


@pytest.mark.parametrize("shebang", ["#!/usr/bin/env ruby", "#!/usr/local/bin/ruby -w", "#!/usr/bin/env -S ruby"])
def test_extensionless_script_is_read_in_the_language_its_shebang_names(run_detector, shebang):
    script = shebang + '\nrequire "twilio-ruby"\nclient = Twilio::REST::Client.new(ENV["TWILIO_ACCOUNT_SID"])\n'
    evidence, _ = run_detector(DETECTOR, "script/mailman_server", script)
    assert imports(evidence) == {"twilio-ruby": 2}
    assert env(evidence) == {"TWILIO_ACCOUNT_SID": 3}


def test_extensionless_files_outside_script_folders_or_without_a_known_shebang_are_not_code(ctx):
    from mkdocs_integrations.scan.detectors.base import Source
    script = '#!/usr/bin/env ruby\nrequire "stripe"\n'
    assert not DETECTOR.accepts("docs/mailman_server", "mailman_server", ctx)
    assert DETECTOR.accepts("bin/sync", "sync", ctx)
    assert list(DETECTOR.detect(Source(rel="bin/sync", text=script.replace("ruby", "bash")), ctx)) == []
    assert list(DETECTOR.detect(Source(rel="bin/sync", text="require 'stripe'\n"), ctx)) == []


def test_rails_config_and_rake_files(run_detector):
    config = """\
    Rails.application.configure do
      config.action_mailer.smtp_settings = {
        address: ENV.fetch("SMTP_ADDRESS", "smtp.sendgrid.net"),
        password: ENV["SENDGRID_API_KEY"],
      }
    end
    """
    assert env(run_detector(DETECTOR, "config/environments/production.rb", config)[0]) == {
        "SMTP_ADDRESS": 3, "SENDGRID_API_KEY": 4,
    }
    rake = 'namespace :billing do\n  task sync: :environment do\n    require "stripe"\n  end\nend\n'
    assert imports(run_detector(DETECTOR, "lib/tasks/billing.rake", rake)[0]) == {"stripe": 3}


# -- Java and Kotlin -----------------------------------------------------------------------

JAVA = """\
package com.acme.billing;

import com.stripe.Stripe;
import com.stripe.model.checkout.*;
import static com.twilio.Twilio.init;
// import com.sendgrid.SendGrid;
import org.springframework.beans.factory.annotation.Value;

@Service
public class BillingService {
    @Value("${STRIPE_WEBHOOK_SECRET:}")
    private String webhookSecret;

    public BillingService() {
        /* String old = System.getenv("STRIPE_API_KEY"); */
        Stripe.apiKey = System.getenv("STRIPE_SECRET_KEY");
        init(System.getenv("TWILIO_ACCOUNT_SID"), System.getenv("TWILIO_AUTH_TOKEN"));
    }
}
"""


def test_java_imports_static_and_wildcard(run_detector):
    evidence, _ = run_detector(DETECTOR, "src/main/java/com/acme/billing/BillingService.java", JAVA)
    assert imports(evidence) == {
        "com.stripe.Stripe": 3, "com.stripe.model.checkout": 4, "com.twilio.Twilio.init": 5,
    }
    assert env(evidence) == {
        "STRIPE_WEBHOOK_SECRET": 11, "STRIPE_SECRET_KEY": 16, "TWILIO_ACCOUNT_SID": 17, "TWILIO_AUTH_TOKEN": 17,
    }


def test_kotlin_uses_java_namespaces(run_detector):
    kotlin = """\
    package com.acme.sms

    import com.twilio.Twilio
    import com.stripe.Stripe as StripeSdk
    // import com.sendgrid.SendGrid

    object Sms {
        val sid: String = System.getenv("TWILIO_ACCOUNT_SID") ?: ""
        val token = System.getenv()["TWILIO_AUTH_TOKEN"]
    }
    """
    evidence, _ = run_detector(DETECTOR, "src/main/kotlin/Sms.kt", kotlin)
    assert imports(evidence) == {"com.twilio.Twilio": 3, "com.stripe.Stripe": 4}
    assert env(evidence) == {"TWILIO_ACCOUNT_SID": 8, "TWILIO_AUTH_TOKEN": 9}
    # the catalog keys JVM imports under "java"; the evidence must resolve there
    assert {e.ecosystem for e in evidence if e.kind == "import"} == {"java"}


# -- PHP -----------------------------------------------------------------------------------

PHP = """\
<?php

namespace App\\Services;

use Stripe\\StripeClient;
use \\Twilio\\Rest\\Client as TwilioClient;
use SendGrid\\{Mail\\Mail, Response};
// use Mailgun\\Mailgun;
# use Stripe\\Webhook;
use Illuminate\\Support\\Facades\\Log;

class Notifier
{
    use Queueable, SerializesModels;

    public function __construct()
    {
        $this->stripe = new StripeClient(env('STRIPE_SECRET'));
        $this->twilio = new TwilioClient(getenv('TWILIO_ACCOUNT_SID'), $_ENV['TWILIO_AUTH_TOKEN']);
        $host = $_SERVER['HTTP_HOST'] ?? $_SERVER['SENDGRID_API_KEY'];
        $this->send = array_map(function ($x) use ($host) { return $x; }, []);
        /* env('MAILGUN_SECRET') */
    }
}
"""


def test_php_use_statements_including_group_use(run_detector):
    evidence, _ = run_detector(DETECTOR, "app/Services/Notifier.php", PHP)
    assert imports(evidence) == {
        "Stripe\\StripeClient": 5, "Twilio\\Rest\\Client": 6, "SendGrid\\Mail\\Mail": 7, "SendGrid\\Response": 7,
    }


def test_php_env_reads(run_detector):
    evidence, _ = run_detector(DETECTOR, "app/Services/Notifier.php", PHP)
    assert env(evidence) == {
        "STRIPE_SECRET": 18, "TWILIO_ACCOUNT_SID": 19, "TWILIO_AUTH_TOKEN": 19,
        "HTTP_HOST": 20, "SENDGRID_API_KEY": 20,
    }


def test_laravel_config_file(run_detector):
    config = """\
    <?php

    return [
        'default' => env('MAIL_MAILER', 'smtp'),
        'mailers' => [
            'smtp' => [
                'host' => env('MAIL_HOST', 'smtp.mailgun.org'),
                'password' => env("MAIL_PASSWORD"),
            ],
        ],
        'lowercase' => $_SERVER['request_uri'] ?? null,
    ];
    """
    assert env(run_detector(DETECTOR, "config/mail.php", config)[0]) == {
        "MAIL_MAILER": 4, "MAIL_HOST": 7, "MAIL_PASSWORD": 8,
    }


# -- C# ------------------------------------------------------------------------------------

CSHARP = """\
using System;
using Stripe;
using Stripe.Checkout;
global using static Twilio.TwilioClient;
using SG = SendGrid.SendGridClient;
// using Mailjet.Client;

namespace Acme.Billing;

public class PaymentsService
{
    public async Task Run()
    {
        using var http = new HttpClient();
        using (var stream = new MemoryStream()) { }
        StripeConfiguration.ApiKey = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY");
        var sid = System.Environment.GetEnvironmentVariable("TWILIO_ACCOUNT_SID");
        // Environment.GetEnvironmentVariable("SENDGRID_API_KEY");
    }
}
"""


def test_csharp_using_directives_not_statements(run_detector):
    evidence, _ = run_detector(DETECTOR, "src/Acme.Billing/PaymentsService.cs", CSHARP)
    assert imports(evidence) == {
        "Stripe": 2, "Stripe.Checkout": 3, "Twilio.TwilioClient": 4, "SendGrid.SendGridClient": 5,
    }
    assert env(evidence) == {"STRIPE_SECRET_KEY": 16, "TWILIO_ACCOUNT_SID": 17}


# -- Rust ----------------------------------------------------------------------------------

RUST = """\
use std::env;
use std::collections::HashMap;
use crate::config::Settings;
use async_stripe::{Client, CreateCustomer, Customer as StripeCustomer};
// use aws_sdk_sns::Client;
extern crate serde;

pub struct Billing<'a> {
    name: &'a str,
}

impl<'a> Billing<'a> {
    pub fn new() -> Self {
        let key = env::var("STRIPE_SECRET_KEY").expect("set STRIPE_SECRET_KEY");
        let db = std::env::var("DATABASE_URL");
        let version = env!("CARGO_PKG_VERSION");
        let dsn = option_env!("SENTRY_DSN");
        let token = dotenvy::var("TWILIO_AUTH_TOKEN");
        // let old = env::var("STRIPE_API_KEY");
        let c = '"';
        let region = env::var_os("AWS_REGION");
        todo!()
    }
}
"""


def test_rust_use_groups_and_std_skipped(run_detector):
    evidence, _ = run_detector(DETECTOR, "src/billing.rs", RUST)
    assert imports(evidence) == {
        "async_stripe::Client": 4, "async_stripe::CreateCustomer": 4, "async_stripe::Customer": 4,
    }


def test_rust_env_reads_past_lifetimes_and_char_literals(run_detector):
    evidence, _ = run_detector(DETECTOR, "src/billing.rs", RUST)
    assert env(evidence) == {
        "STRIPE_SECRET_KEY": 14, "DATABASE_URL": 15, "CARGO_PKG_VERSION": 16, "SENTRY_DSN": 17,
        "TWILIO_AUTH_TOKEN": 18, "AWS_REGION": 21,
    }


def test_rust_multiline_and_nested_use(run_detector):
    text = """\
    use async_stripe::{
        self,
        generated::{CheckoutSession, CreateCheckoutSession},
    };
    pub(crate) use ::async_stripe::Webhook;
    """
    assert imports(run_detector(DETECTOR, "src/lib.rs", text)[0]) == {
        "async_stripe": 1,
        "async_stripe::generated::CheckoutSession": 1,
        "async_stripe::generated::CreateCheckoutSession": 1,
        "async_stripe::Webhook": 5,
    }


@pytest.mark.parametrize(
    "rel",
    ["main.go", "app/models/user.rb", "lib/tasks/x.rake", "A.java", "B.kt", "build.gradle.kts", "c.php", "D.cs", "e.rs"],
)
def test_new_extensions_are_accepted(ctx, rel):
    assert DETECTOR.accepts(rel, rel.rsplit("/", 1)[-1], ctx)


def test_erb_templates_are_not_code(ctx):
    assert not DETECTOR.accepts("app/views/a.html.erb", "a.html.erb", ctx)


# -- Elixir --------------------------------------------------------------------------------

ELIXIR_CONFIG = """\
import Config

# config :billing, Billing.Mailer, adapter: Swoosh.Adapters.Sendgrid
config :billing, Billing.Mailer,
  adapter: Swoosh.Adapters.Postmark,
  api_key: System.get_env("POSTMARK_API_KEY")

config :billing, Billing.Repo, url: System.fetch_env!("DATABASE_URL")
secret = System.fetch_env("SECRET_KEY_BASE")
host = System.get_env("PHX_HOST", "example.com")
label = "# not a comment: #{System.get_env("APP_LABEL")}"
"""


def test_elixir_config_adapters_are_imports_and_env_reads(run_detector):
    evidence, _ = run_detector(DETECTOR, "config/runtime.exs", ELIXIR_CONFIG)
    assert imports(evidence) == {"Swoosh.Adapters.Postmark": 5}
    assert env(evidence) == {
        "POSTMARK_API_KEY": 6, "DATABASE_URL": 8, "SECRET_KEY_BASE": 9, "PHX_HOST": 10, "APP_LABEL": 11,
    }


def test_elixir_alias_and_use(run_detector):
    text = """\
    defmodule Billing.Uploads do
      alias ExAws.S3
      use GenServer
      import Ecto.Query
      # alias ExAws.SES

      def put(bucket, key, body), do: S3.put_object(bucket, key, body) |> ExAws.request()
    end
    """
    assert imports(run_detector(DETECTOR, "lib/billing/uploads.ex", text)[0]) == {"ExAws.S3": 2}


def test_coffeescript_requires_env_and_api_hosts(run_detector):
    """An older Rails app's front end in CoffeeScript: its requires and the vendor APIs it calls
    (translate.googleapis.com from a component) are evidence like JavaScript's; `#` comments
    are not."""
    from mkdocs_integrations.model import HOST

    src = """\
stripe = require('stripe')
# $.getJSON 'https://api.unused-vendor.com/v1/x'
translate = (text, lang) ->
  url = "https://translate.googleapis.com/translate_a/single?client=gtx&tl=#{lang}"
  $.getJSON url, (data) -> data
key = process.env.STRIPE_SECRET_KEY
"""
    evidence, _ = run_detector(DETECTOR, "app/assets/javascripts/components/google_translate.coffee", src)
    assert imports(evidence) == {"stripe": 1}
    assert env(evidence) == {"STRIPE_SECRET_KEY": 6}
    assert [(e.name, e.line) for e in evidence if e.kind == HOST] == [("translate.googleapis.com", 4)]


# -- Crystal -------------------------------------------------------------------------------

CRYSTAL = """\
require "http/client"
require "pg"
require "sqlite3"
require "./invidious/helpers/*"
# require "redis"

PG_DB = DB.open ENV["INVIDIOUS_DATABASE_URL"]? || "postgres://kemal@localhost/invidious"
secret = ENV.fetch("HMAC_KEY", "changeme")
label = "# not a comment: #{ENV["APP_LABEL"]}"
PUBSUB_URL = URI.parse("https://pubsubhubbub.appspot.com")
"""


def test_crystal_requires_env_reads_and_hosts(run_detector):
    """A Crystal (Kemal) app: shards are required by name (`require "pg"`), relative requires are
    the app's own files, env reads are Ruby's `ENV["X"]` (Crystal's nilable `ENV["X"]?` too), and
    URL literals are host evidence like any language's."""
    evidence, _ = run_detector(DETECTOR, "src/invidious.cr", CRYSTAL)
    assert imports(evidence) == {"pg": 2, "sqlite3": 3}
    assert env(evidence) == {"INVIDIOUS_DATABASE_URL": 7, "HMAC_KEY": 8, "APP_LABEL": 9}
    assert {e.name for e in evidence if e.kind == "host"} >= {"pubsubhubbub.appspot.com"}
