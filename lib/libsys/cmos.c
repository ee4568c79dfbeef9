/*
 * The wall clock from the CMOS real-time clock (ports 0x70/0x71), as seconds
 * since 1970 in UTC. The caller needs those ports in its privileges.
 */
#include <libsys.h>
#include <samsara/portio.h>

static uint8_t cmos_read(uint8_t reg)
{
	out8(0x70, reg);
	return in8(0x71);
}

static uint32_t from_bcd(uint8_t v, bool bcd)
{
	return bcd ? (uint32_t)(v & 0x0f) + (uint32_t)(v >> 4) * 10 : v;
}

/* Days from 1970-01-01 to the given date (proleptic Gregorian). */
static uint32_t days_since_epoch(uint32_t year, uint32_t month, uint32_t day)
{
	static const uint16_t before_month[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	uint32_t days = (year - 1970) * 365 + (year - 1969) / 4 - (year - 1901) / 100 + (year - 1601) / 400;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return days + before_month[(month - 1) % 12] + (leap && month > 2) + day - 1;
}

uint32_t cmos_time(void)
{
	while (cmos_read(0x0a) & 0x80)  /* an update is in progress */
		;
	bool bcd = !(cmos_read(0x0b) & 0x04);
	uint32_t sec = from_bcd(cmos_read(0x00), bcd), min = from_bcd(cmos_read(0x02), bcd);
	uint32_t hour = from_bcd(cmos_read(0x04) & 0x7f, bcd), day = from_bcd(cmos_read(0x07), bcd);
	uint32_t month = from_bcd(cmos_read(0x08), bcd), year = 2000 + from_bcd(cmos_read(0x09), bcd);
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 60)
		return 0;  /* no believable clock */
	return ((days_since_epoch(year, month, day) * 24 + hour) * 60 + min) * 60 + sec;
}
