-- Knowledge base (經驗知識庫): fault-resolution articles, their version history, feedback from
-- agents and tickets, and product versions with known issues. PostgreSQL is the source of truth;
-- the Lucene index is derived from kb_article and rebuilt from it when missing or stale.
create table kb_article (
  id               bigserial primary key,
  -- Identifier in the system the article was imported from (e.g. a StackFAQ thread id).
  external_id      text unique,
  title            text not null,
  symptom          text not null default '',
  cause            text not null default '',
  resolution       text not null default '',
  product          text,
  -- Product versions the article applies to; empty means every version.
  versions         text[] not null default '{}',
  -- For a known issue: the first product version in which it is fixed.
  fixed_in_version text,
  tags             text[] not null default '{}',
  language         text not null check (language in ('en', 'zh-TW', 'zh-CN')),
  visibility       text not null check (visibility in ('INTERNAL', 'PUBLIC')),
  status           text not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
  -- The ticket an article was drafted from, if any.
  source_ticket_id bigint references ticket(id),
  -- Optimistic-lock counter, equal to the newest kb_article_version.version.
  version          int not null,
  created_by       bigint references app_user(id),
  created_at       timestamptz not null,
  updated_by       bigint references app_user(id),
  updated_at       timestamptz not null,
  check (fixed_in_version is null or product is not null)
);
create index kb_article_status on kb_article (status, updated_at desc);
create index kb_article_product on kb_article (product) where product is not null;

-- Every saved state of an article, with who saved it and when; version 1 is the creation.
create table kb_article_version (
  article_id       bigint not null references kb_article(id) on delete cascade,
  version          int not null,
  title            text not null,
  symptom          text not null,
  cause            text not null,
  resolution       text not null,
  product          text,
  versions         text[] not null,
  fixed_in_version text,
  tags             text[] not null,
  language         text not null,
  visibility       text not null,
  status           text not null,
  -- What changed in words: created, edited, published, archived, imported.
  change           text not null,
  author_id        bigint references app_user(id),
  changed_at       timestamptz not null,
  primary key (article_id, version)
);

-- Helpful / not helpful votes and "solved this ticket" links. A vote with a ticket counts once per
-- (article, ticket, kind); votes without a ticket count once per (article, user, kind).
create table kb_feedback (
  id          bigserial primary key,
  article_id  bigint not null references kb_article(id) on delete cascade,
  kind        text not null check (kind in ('HELPFUL', 'NOT_HELPFUL', 'SOLVED')),
  ticket_id   bigint references ticket(id),
  user_id     bigint references app_user(id),
  created_at  timestamptz not null,
  check (kind <> 'SOLVED' or ticket_id is not null)
);
create unique index kb_feedback_once_per_ticket on kb_feedback (article_id, ticket_id, kind)
  where ticket_id is not null;
create unique index kb_feedback_once_per_user on kb_feedback (article_id, user_id, kind)
  where ticket_id is null and user_id is not null;
create index kb_feedback_ticket on kb_feedback (ticket_id) where ticket_id is not null;

