import autocannon from "autocannon";
let n = 0;
const zips = ["13202", "99901", "78701", "60614", "30303", "02139", "94110", "48201"];
const url = process.argv[2];
const r = await autocannon({ url, connections: 50, duration: Number(process.argv[3] ?? 15), requests: [{ method: "POST", path: "/act/residency-shortage-act", setupRequest: ((req: object) => { n++; return { ...req, body: new URLSearchParams({ zip: zips[n % zips.length], rendered: "1", letter: "Please cosponsor the Resident Physician Shortage Reduction Act. Residency positions are the only road to a licence.", story: `Story ${n}: I graduated and applied ${n} times.`, name: `P ${n}`, email: `p${n}-${Date.now()}@example.org`, street: `${n} Main St`, city: "X" }).toString(), headers: { "content-type": "application/x-www-form-urlencoded", origin: url, "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } }; }) as never }] });
console.log(r["3xx"] / r.duration, r.non2xx, r.latency.p50, r.latency.p99);
