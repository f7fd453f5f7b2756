from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_reader_pages"),
    ]

    operations = [
        migrations.RenameField(
            model_name="emailpreferences", old_name="request_updates", new_name="review_emails"
        ),
        migrations.AlterField(
            model_name="emailpreferences",
            name="review_emails",
            field=models.BooleanField(
                default=True,
                help_text="After a treatment: the invitation to review the clinic, and the 3, 6 and 12 month check-ins.",
                verbose_name="Review invitations and check-ins",
            ),
        ),
    ]
