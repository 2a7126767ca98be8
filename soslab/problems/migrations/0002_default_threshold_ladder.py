"""The default support ladder: 30 supports -> staff answer within 14 days; 100 -> lab round
candidate. Staff change it in the Wagtail admin afterwards."""

from django.db import migrations


def add_defaults(apps, schema_editor):
    ThresholdStep = apps.get_model("problems", "ThresholdStep")
    if not ThresholdStep.objects.exists():
        ThresholdStep.objects.create(supports=30, action="answer", answer_days=14)
        ThresholdStep.objects.create(supports=100, action="round", answer_days=None)


class Migration(migrations.Migration):
    dependencies = [("problems", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
