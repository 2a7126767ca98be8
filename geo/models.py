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


class AirStation(models.Model):
    """An AirKorea measuring station (대기 측정소) in Jeonju; reference data synced from fixtures."""

    name = models.CharField(_("station name"), max_length=30, unique=True)
    lat = models.FloatField(_("latitude"))
    lon = models.FloatField(_("longitude"))
    dong = models.ForeignKey(
        Dong,
        verbose_name=_("administrative dong"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="air_stations",
    )
    network = models.CharField(_("network type"), max_length=20, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("air-quality station")
        verbose_name_plural = _("air-quality stations")

    def __str__(self):
        return self.name


class AirSource(models.TextChoices):
    AIRKOREA = "airkorea", _("AirKorea real-time API")
    IMPORT = "import", _("Imported file")
    SYNTHETIC = "synthetic", _("Synthetic data")


class AirReadingQuerySet(models.QuerySet):
    def between(self, start, end):
        return self.filter(hour__gte=start, hour__lte=end)


class AirReading(models.Model):
    """One hour of measurements at one station. Values are None when AirKorea reports "-"."""

    station = models.ForeignKey(
        AirStation, verbose_name=_("station"), on_delete=models.CASCADE, related_name="readings"
    )
    hour = models.DateTimeField(_("hour"), help_text="End of the measured hour (AirKorea dataTime)")
    pm10 = models.FloatField("PM10", null=True, blank=True)
    pm25 = models.FloatField("PM2.5", null=True, blank=True)
    o3 = models.FloatField("O3", null=True, blank=True)
    no2 = models.FloatField("NO2", null=True, blank=True)
    co = models.FloatField("CO", null=True, blank=True)
    so2 = models.FloatField("SO2", null=True, blank=True)
    khai = models.FloatField(_("combined air-quality index"), null=True, blank=True)
    pm10_grade = models.PositiveSmallIntegerField(_("PM10 grade"), null=True, blank=True)
    pm25_grade = models.PositiveSmallIntegerField(_("PM2.5 grade"), null=True, blank=True)
    khai_grade = models.PositiveSmallIntegerField(_("combined grade"), null=True, blank=True)
    flags = models.JSONField(_("status flags"), default=dict, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=AirSource.choices)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AirReadingQuerySet.as_manager()

    class Meta:
        ordering = ["station", "-hour"]
        verbose_name = _("air-quality reading")
        verbose_name_plural = _("air-quality readings")
        constraints = [
            models.UniqueConstraint(fields=["station", "hour"], name="airreading_station_hour")
        ]
        indexes = [models.Index(fields=["hour"], name="airreading_hour")]

    def __str__(self):
        return f"{self.station} {self.hour:%Y-%m-%d %H:%M}"

    @property
    def is_synthetic(self):
        return self.source == AirSource.SYNTHETIC


class TrafficKind(models.TextChoices):
    ACCIDENT_HOTSPOT = "accident", _("Traffic-accident hotspot")
    SCHOOL_ZONE = "school", _("School zone")


class TrafficSpot(models.Model):
    """A traffic-safety place from open data: a TAAS accident hotspot (사고다발지역) or a school
    zone (어린이보호구역). Imported with `manage.py import_traffic`; see docs/geo.md for formats."""

    kind = models.CharField(_("kind"), max_length=10, choices=TrafficKind.choices)
    external_id = models.CharField(_("source identifier"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    lat = models.FloatField(_("latitude"))
    lon = models.FloatField(_("longitude"))
    area = models.JSONField(_("area (GeoJSON geometry)"), null=True, blank=True)
    accidents = models.PositiveIntegerField(_("accidents"), default=0)
    casualties = models.PositiveIntegerField(_("casualties"), default=0)
    deaths = models.PositiveIntegerField(_("deaths"), default=0)
    period = models.CharField(_("period"), max_length=20, blank=True)
    synthetic = models.BooleanField(_("synthetic"), default=False)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("traffic-safety place")
        verbose_name_plural = _("traffic-safety places")
        constraints = [
            models.UniqueConstraint(fields=["kind", "external_id"], name="trafficspot_kind_ext")
        ]
        indexes = [models.Index(fields=["lat", "lon"], name="trafficspot_lat_lon")]

    def __str__(self):
        return self.name


class Hotspot(models.Model):
    """A cluster of at least N problem reports within R metres, recomputed by a Celery task."""

    lat = models.FloatField(_("latitude"))
    lon = models.FloatField(_("longitude"))
    area = models.JSONField(_("area (GeoJSON geometry)"))
    report_count = models.PositiveIntegerField(_("number of reports"))
    problem_ids = models.JSONField(_("problems"), default=list)
    dong = models.ForeignKey(
        Dong, null=True, blank=True, on_delete=models.SET_NULL, related_name="hotspots"
    )
    top_category = models.CharField(_("most common category"), max_length=40, blank=True)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        ordering = ["-report_count", "pk"]
        verbose_name = _("hotspot")
        verbose_name_plural = _("hotspots")

    def __str__(self):
        return f"{self.report_count} @ {self.lat:.5f},{self.lon:.5f}"
