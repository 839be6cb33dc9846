"""Constrained clustering: what may and may not become one incident."""

from __future__ import annotations

import pytest

from factfinder.assess.incidents import incidents_of
from factfinder.errors import Conflict
from factfinder.link.cluster import Constraints, cluster
from factfinder.link.run import link_records
from factfinder.model import ClaimRef

TELL_TAMER = ("Tell Tamer", 36.652, 40.371, "Al-Hasakah")
NEAR_TELL_TAMER = ("Tell Nasri", 36.750, 40.450, "Al-Hasakah")  # 13 km from Tell Tamer
QAMISHLI = ("Al Qamishli", 37.052, 41.231, "Al-Hasakah")


def by_score(scores):
    """A scorer from a dict {(a, b): score}; unknown pairs score high (to test constraints)."""

    def full(a, b):
        return scores.get((min(a, b), max(a, b)), 5.0)

    return full


def groups(result):
    return [set(c) for c in result.clusters]


def test_two_claims_of_one_document_are_never_merged(make_record):
    recs = [make_record(0, doc=0), make_record(1, doc=0, claim_index=1), make_record(2, doc=1)]
    recs = [r._replace(idx=i) for i, r in enumerate(recs)]
    edges = [(5.0, 0, 1), (4.0, 0, 2), (3.0, 1, 2)]
    result = cluster(recs, edges, by_score({}))
    assert {0, 1} not in groups(result)
    assert {0, 2} in groups(result) and {1} in groups(result)
    refused = [f for fs in result.refusals for f in fs]
    assert any(f.reason == "same document" for f in refused)


def test_not_even_through_a_third_document(make_record):
    recs = [make_record(0, doc=0), make_record(1, doc=0, claim_index=1), make_record(2, doc=1)]
    recs = [r._replace(idx=i) for i, r in enumerate(recs)]
    result = cluster(recs, [(5.0, 0, 2), (4.9, 1, 2)], by_score({}))
    assert all(not {0, 1} <= g for g in groups(result))


def test_one_date_window(make_record):
    recs = [
        make_record(0, day="2016-07-01"),
        make_record(1, day="2016-07-05"),
        make_record(2, day="2016-07-12"),
    ]
    # 1-2 and 0-1 are each within a week, but 0 and 2 are 11 days apart
    result = cluster(recs, [(5.0, 0, 1), (4.0, 1, 2)], by_score({}))
    assert {0, 1} in groups(result) and {2} in groups(result)
    refused = [f.reason for fs in result.refusals for f in fs]
    assert any("days apart" in r for r in refused)


def test_one_place_area(make_record):
    recs = [
        make_record(0, place=TELL_TAMER),
        make_record(1, place=NEAR_TELL_TAMER),
        make_record(2, place=QAMISHLI),
    ]
    # Tell Tamer-Tell Nasri 13 km: one area; Qamishli is 80-90 km from both
    result = cluster(recs, [(5.0, 0, 1), (4.0, 1, 2), (3.0, 0, 2)], by_score({}))
    assert {0, 1} in groups(result) and {2} in groups(result)


def test_claims_naming_several_places_share_an_area_through_one_of_them(make_record):
    a = make_record(0, place=TELL_TAMER)
    b = make_record(1, place=QAMISHLI)
    b = b._replace(points=(*b.points, TELL_TAMER[1:3]))  # "from Tell Tamer to Qamishli"
    assert groups(cluster([a, b], [(5.0, 0, 1)], by_score({}))) == [{0, 1}]


def test_incompatible_event_types_never_merge(make_record):
    recs = [
        make_record(0, event="chemical"),
        make_record(1, event="unknown"),
        make_record(2, event="shooting"),
    ]
    result = cluster(recs, [(5.0, 0, 1), (4.0, 1, 2)], by_score({}))
    assert {0, 1} in groups(result) and {2} in groups(result)


def test_average_link_keeps_a_chain_from_joining_disagreeing_reports(make_record):
    recs = [make_record(i, doc=i) for i in range(4)]
    edges = [(5.0, 0, 1), (4.0, 2, 3), (1.0, 1, 2)]
    scores = {(0, 1): 5.0, (2, 3): 4.0, (1, 2): 1.0, (0, 2): -4.0, (0, 3): -4.0, (1, 3): -4.0}
    result = cluster(recs, edges, by_score(scores))
    assert groups(result) == [{0, 1}, {2, 3}]


def test_every_merge_keeps_its_link(make_record):
    recs = [make_record(i) for i in range(3)]
    result = cluster(recs, [(5.0, 0, 1), (4.0, 1, 2), (3.0, 0, 2)], by_score({}))
    assert groups(result) == [{0, 1, 2}]
    assert sorted((link.a, link.b, link.score) for link in result.links[0]) == [
        (0, 1, 5.0),
        (1, 2, 4.0),
    ]


def test_human_cannot_link_is_respected(make_record):
    recs = [make_record(i) for i in range(2)]
    cons = Constraints(cannot_link=((recs[0].ref, recs[1].ref),))
    result = cluster(recs, [(9.0, 0, 1)], by_score({}), cons)
    assert groups(result) == [{0}, {1}]
    assert result.refusals[0][0].reason == "an analyst kept them apart"


def test_human_must_link_overrides_the_rules(make_record):
    recs = [make_record(0, doc=0), make_record(1, doc=0, claim_index=1, day="2016-09-01")]
    cons = Constraints(must_link=((recs[0].ref, recs[1].ref),))
    result = cluster(recs, [], by_score({}), cons)
    assert groups(result) == [{0, 1}]
    assert result.links[0][0].kind == "human"


def test_pins_keep_incident_ids_and_separate_pinned_incidents(make_record):
    recs = [make_record(i) for i in range(4)]
    cons = Constraints(pinned={recs[0].ref: "inc-a", recs[2].ref: "inc-a", recs[1].ref: "inc-b"})
    edges = [(9.0, 0, 1), (8.0, 2, 3)]
    result = cluster(recs, edges, by_score({}), cons)
    by_label = dict(zip(result.labels, groups(result), strict=True))
    assert by_label["inc-a"] == {0, 2, 3}
    assert by_label["inc-b"] == {1}


def test_contradictory_decisions_are_a_conflict(make_record):
    recs = [make_record(i) for i in range(2)]
    a, b = recs[0].ref, recs[1].ref
    with pytest.raises(Conflict):
        cluster(recs, [], by_score({}), Constraints(must_link=((a, b),), cannot_link=((a, b),)))
    with pytest.raises(Conflict):
        cluster(
            recs,
            [],
            by_score({}),
            Constraints(must_link=((a, b),), pinned={a: "inc-a", b: "inc-b"}),
        )


def test_main_claims_link_before_secondary_ones(make_record):
    # doc 0 has a main claim and a secondary claim about the same bombing; doc 1 reports it
    main = make_record(0, doc=0, primary=True)
    secondary = make_record(1, doc=0, claim_index=1, primary=False)
    other = make_record(2, doc=1, primary=True)
    result = cluster([main, secondary, other], [(5.0, 1, 2), (4.0, 0, 2)], by_score({}))
    assert {0, 2} in groups(result)


def test_link_records_numbers_incidents_and_is_deterministic(make_record):
    recs = [make_record(i, doc=i) for i in range(3)]
    first = link_records(recs)
    second = link_records(list(recs))
    assert first.clustering.clusters == second.clustering.clusters
    assert first.ids[0] == "inc-000001"
    labelled = link_records(recs, Constraints(pinned={ClaimRef("doc-2", 0): "inc-000001"}))
    assert "inc-000001" in labelled.ids and len(set(labelled.ids)) == len(labelled.ids)


def _incident_reports(make_record, n=40):
    """Several incidents (places and days apart), each reported by several documents with
    tolls that disagree in places, so merges, refusals and averages all happen."""
    towns = [
        ("Al-Hasakah", 36.502, 40.747, "Al-Hasakah"),
        ("Idlib", 35.930, 36.634, "Idlib"),
        ("Douma", 33.572, 36.402, "Rif Dimashq"),
        ("Hajin", 34.694, 40.830, "Deir ez-Zor"),
    ]
    recs = []
    for k in range(n):
        town = towns[k % 4]
        day = f"2016-07-{5 + (k % 8):02d}"
        event = ["explosion", "airstrike"][(k // 4) % 2]
        killed = [16, 18, 40, None][(k // 3) % 4]
        recs.append(
            make_record(
                len(recs),
                place=town,
                day=day,
                event=event,
                killed=killed,
                text=f"A {event} in {town[0]} killed people near the market.",
                publisher=["Reuters", "AFP", "SANA"][k % 3],
            )
        )
    return recs


def test_blocks_clustered_apart_and_replayed_give_the_clustering_of_all_pairs(make_record):
    import random

    from factfinder.link.cluster import EdgeCodec, cluster_log, cluster_pieces, replay_pieces
    from factfinder.link.features import PairScorer
    from factfinder.link.run import compute_idf

    recs = _incident_reports(make_record, 60)
    scorer = PairScorer(recs, compute_idf(recs))
    codec = EdgeCodec.for_records(len(recs))
    packed = []
    for i in range(len(recs)):
        for j in range(i + 1, len(recs)):
            s = scorer.score(i, j, 1.0)
            if s is not None:
                packed.append(codec.pack(s, i, j, recs[i].primary and recs[j].primary))
    by_idx = dict(enumerate(recs))
    whole = sorted(cluster_pieces(by_idx, list(packed), codec, scorer.full))
    assert any(len(p.members) > 1 for p in whole) and any(p.refusals for p in whole)
    rnd = random.Random(7)
    for blocks in (1, 2, 3, 5):
        # Any cut is exact (a claim in no block has its pairs decided with the whole).
        block_of = {i: rnd.randrange(blocks) for i in range(len(recs)) if rnd.random() < 0.9}
        logs, scores = {}, {}
        for k in range(blocks):
            own = [
                key
                for key in packed
                if block_of.get(codec.unpack(key)[1], -1) == k == block_of.get(codec.unpack(key)[2])
            ]
            logs[k], got = cluster_log(by_idx, own, codec, scorer.full)
            scores.update(got)
        replayed = replay_pieces(recs, list(packed), codec, scorer.full, block_of, logs, scores)
        assert sorted(replayed) == whole


@pytest.mark.parametrize(("split", "whole"), [(False, False), (True, False), (True, True)])
def test_components_clustered_on_workers_give_the_clustering_of_one_process(
    make_record, monkeypatch, split, whole
):
    # A batch per component makes the workers put many pieces together; with `split` every
    # component is cut into blocks clustered apart and replayed here. Each job is sent the
    # weights of its own words, or (`whole`) the run's whole table.
    from factfinder.link import components

    monkeypatch.setattr(components, "BATCH_EDGES", 1)
    monkeypatch.setattr(components, "whole_table", lambda table, claims: whole)
    if split:
        monkeypatch.setattr(components, "SPLIT_EDGES", 1)
    recs = _incident_reports(make_record)
    one = link_records(recs, workers=1)
    two = link_records(recs, workers=2)
    assert one.clustering.clusters == two.clustering.clusters
    assert any(len(c) > 1 for c in one.clustering.clusters)
    assert len(one.clustering.clusters) > 4
    assert one.ids == two.ids
    assert list(incidents_of(one)) == list(incidents_of(two))


def test_stretch_counts_are_a_multiple_of_the_workers() -> None:
    from factfinder.link.pairs import MIN_STRETCH, STRETCHES_PER_WORKER, stretch_count

    assert stretch_count(97_000, 2) == 4  # not five: a fifth would run alone at the end
    assert stretch_count(50_000, 2) == 2
    assert stretch_count(970_000, 2) == 2 * STRETCHES_PER_WORKER
    assert stretch_count(2 * MIN_STRETCH, 3) == 3  # fewer claims than stretches wanted
    assert all(stretch_count(n, w) % w == 0 for n in range(0, 10**6, 9973) for w in (1, 2, 3))


@pytest.mark.parametrize("whole", [False, True])
def test_pairs_scored_stretch_by_stretch_on_workers_are_those_of_one_sweep(
    make_record, monkeypatch, whole
):
    # Each stretch is sent the counts of its own words, or (`whole`) the run's whole table.
    from factfinder.link import pairs
    from factfinder.link.cluster import EdgeCodec
    from factfinder.link.parallel import Workers

    towns = [
        ("Al-Hasakah", 36.502, 40.747, "Al-Hasakah"),
        ("Idlib", 35.930, 36.634, "Idlib"),
        ("Douma", 33.572, 36.402, "Rif Dimashq"),
    ]
    recs = [
        make_record(
            k,
            place=towns[k % 3],
            day=f"2016-07-{1 + k // 2:02d}",
            event=["explosion", "airstrike"][(k // 3) % 2],
            killed=[16, 18, 40, None][k % 4],
            text=f"An attack in {towns[k % 3][0]} killed people near the market.",
            publisher=["Reuters", "AFP", "SANA"][k % 3],
        )
        for k in range(48)
    ]
    df = pairs.document_frequency(recs)
    codec = EdgeCodec.for_records(len(recs))
    one_pairs, one_edges = pairs.scored_edges(recs, df, Workers(1), codec)
    monkeypatch.setattr(pairs, "MIN_STRETCH", 5)  # 48 claims: four stretches of 6 per worker
    monkeypatch.setattr(pairs, "whole_table", lambda table, claims: whole)
    with Workers(2) as pool:
        two_pairs, two_edges = pairs.scored_edges(recs, df, pool, codec)
    assert one_pairs > 0 and len(one_edges) > 0
    assert (two_pairs, sorted(two_edges)) == (one_pairs, sorted(one_edges))


@pytest.mark.parametrize("whole", [False, True])
def test_incident_chunks_for_the_workers_build_the_lines_of_one_process(
    make_record, monkeypatch, whole
):
    # Chunks of two incidents: refused links name claims of other chunks (sent as refs only),
    # and claims alone in their incident travel without their sentence and words; each chunk
    # is sent the weights of its words, or (`whole`) the run's whole table.
    from factfinder.assess import output

    monkeypatch.setattr(output, "CHUNK_INCIDENTS", 2)
    monkeypatch.setattr(output, "whole_table", lambda table, claims: whole)
    recs = _incident_reports(make_record)
    # The first document's second claim reports its incident again: refused (same document).
    first = recs[0]
    recs.append(
        make_record(
            len(recs),
            doc=0,
            claim_index=1,
            place=("Al-Hasakah", 36.502, 40.747, "Al-Hasakah"),
            day="2016-07-05",
            event="explosion",
            killed=16,
            text=first.text,
        )
    )
    recs.append(
        make_record(
            len(recs),
            place=("Tell Tamer", 36.652, 40.371, "Al-Hasakah"),
            day="2017-03-01",
            text="A shooting at a checkpoint in Tell Tamer.",
        )
    )
    run = link_records(recs)
    c = run.clustering
    specs = [
        output.IncidentSpec(run.ids[k], c.clusters[k], c.links[k], c.refusals[k], None)
        for k in range(len(c.clusters))
    ]
    chunks = list(output._chunks(iter(specs), run.scorer))
    sent = {i: r for chunk in chunks for i, r in chunk.records.items()}
    refs = {i: ref for chunk in chunks for i, ref in chunk.refs.items()}
    assert refs[len(recs) - 2] == ClaimRef("doc-0", 1)  # named by a refusal of another chunk
    alone = [s.members[0] for s in specs if len(s.members) == 1]
    assert len(recs) - 1 in alone
    assert all(sent[i][23:26] == ("", (), ()) for i in alone)
    assert sent[0][23:26] == (recs[0].text, recs[0].names, recs[0].words)
    built = [line for chunk in chunks for line in output.build_lines(chunk)]
    assert built == list(output.run_lines(run, workers=1))


def test_assemble_puts_each_part_in_its_field(make_record) -> None:
    # `assemble` makes the record as a plain tuple is made: each part by position.
    from factfinder.link.records import LinkClaim, assemble, place_info

    r = make_record(0, text="Shelling hit Douma.", killed=7)
    where = place_info(r.places, None)
    got = assemble(
        r.idx, r.ref, r.doc, r.primary, r.event_type, r.perpetrator, where, r.killed,
        r.injured, (r.lo, r.hi, r.date_precision, r.date_from), r.source, r.publisher,
        r.published, r.text, r.names, r.words, "latn:en", "admits", 42,
    )  # fmt: skip
    assert type(got) is LinkClaim and len(got) == len(LinkClaim._fields)
    assert got == r._replace(lang="latn:en", stance="admits", hint=42)
    assert (got.lang, got.stance, got.hint, got.words) == ("latn:en", "admits", 42, r.words)
