"""Exchange-rate libraries (florianv/swap, exchanger): the chain of rate services the app lists."""

from __future__ import annotations

from mkdocs_integrations.scan.detectors.exchange_rates import DETECTOR


def test_symfony_bundle_providers_block(run_detector):
    """`config/packages/swap.yaml`: each provider key the catalog knows is that service; the
    providers' own options (access_key) and other top-level keys are not."""
    ev, _ = run_detector(DETECTOR, "config/packages/swap.yaml", """\
        florianv_swap:
          cache:
            ttl: 3600

          providers:
            european_central_bank: ~                 # only EUR base
            central_bank_of_czech_republic: ~

            fixer: # needs an API key
                access_key: "%env(FIXER_KEY)%"
            # open_exchange_rates: ~
            frankfurter: ~
        framework:
          services:
            open_exchange_rates: ~
        """)
    assert [(e.service, e.line) for e in ev] == [
        ("european-central-bank", 6), ("fixer", 9), ("frankfurter", 12)]


def test_laravel_swap_config_and_builder(run_detector):
    ev, _ = run_detector(DETECTOR, "config/swap.php", """\
        <?php
        return [
            'options' => ['cache_ttl' => 3600],
            'services' => [
                // 'frankfurter' => true,
                'fixer' => ['access_key' => env('FIXER_ACCESS_KEY')],
                'european_central_bank' => true,
            ],
            'cache' => 'fixer',
        ];
        """)
    assert [e.service for e in ev] == ["fixer", "european-central-bank"]
    ev, _ = run_detector(DETECTOR, "src/Rates.php", """\
        <?php
        use Swap\\Builder;
        $swap = (new Builder())->add('frankfurter')->add('open_exchange_rates', ['app_id' => $id])->build();
        """)
    assert [e.service for e in ev] == ["frankfurter", "open-exchange-rates"]


def test_other_services_blocks_are_not_rate_services(run_detector):
    """Another Laravel config's `'services' => [...]` and a `->add('ses')` without the library
    name backends of other libraries, and a YAML `providers:` outside the bundle's key is not its."""
    ev, _ = run_detector(DETECTOR, "config/notify.php", """\
        <?php
        return ['services' => ['ses' => true, 'fixer' => true]];
        $mail->add('ses');
        """)
    assert ev == []
    ev, _ = run_detector(DETECTOR, "config/packages/other.yaml", """\
        other_bundle:
          providers:
            fixer: ~
        """)
    assert ev == []
