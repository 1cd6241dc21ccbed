CREATE TABLE "zip_state_districts" (
	"zcta" text NOT NULL,
	"state" text NOT NULL,
	"chamber" text NOT NULL,
	"district" text NOT NULL,
	CONSTRAINT "zip_state_districts_zcta_state_chamber_district_pk" PRIMARY KEY("zcta","state","chamber","district")
);
