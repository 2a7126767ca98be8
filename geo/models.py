"""Geo reference data kept in the database for joins and filters. Geometry itself stays in the
shipped GeoJSON (fixtures/jeonju/) and is held in memory as GeoDataFrames (geo/boundaries.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DongQuerySet(models.QuerySet):
    def in_order(self):
        return self.order_by("gu", "name")


class Dong(models.Model):
    """One of Jeonju's 35 administrative dongs (행정동)."""

    code = models.CharField(
        _("MOIS code (2021)"), max_length=10, unique=True, help_text="adm_cd2, 45…"
    )
    code_2024 = models.CharField(
        _("MOIS code (2024)"), max_length=10, unique=True, help_text="adm_cd2_2024, 52…"
    )
    kostat_code = models.CharField(_("KOSTAT code"), max_length=8, unique=True, help_text="adm_cd8")
    name = models.CharField(_("name"), max_length=20)
    gu = models.CharField(_("district (gu)"), max_length=10, db_index=True)
    area_km2 = models.FloatField(_("area (km²)"))
    rep_lon = models.FloatField(_("representative point longitude"))
    rep_lat = models.FloatField(_("representative point latitude"))

    objects = DongQuerySet.as_manager()

    class Meta:
        ordering = ["gu", "name"]
        verbose_name = _("administrative dong")
        verbose_name_plural = _("administrative dongs")

    def __str__(self):
        return f"{self.gu} {self.name}"
