-- Revisions (修訂): an edit its author may not make live, kept beside the article until a
-- supervisor or admin publishes it (its content replaces the article's as a new version, and the
-- index follows) or rejects it. Agents' edits of published or public articles become revisions;
-- the live text stays as it is meanwhile.
create table kb_article_revision (
  id                bigserial primary key,
  article_id        bigint not null references kb_article(id) on delete cascade,
  -- The article version the author edited; once the article has moved on, the revision can no
  -- longer be published (it would undo the changes made since).
  base_version      int not null,
  external_id       text,
  title             text not null,
  symptom           text not null,
  cause             text not null,
  resolution        text not null,
  product           text,
  versions          text[] not null,
  fixed_in_version  text,
  tags              text[] not null,
  language          text not null check (language in ('en', 'zh-TW', 'zh-CN')),
  visibility        text not null check (visibility in ('INTERNAL', 'PUBLIC')),
  status            text not null check (status in ('PENDING', 'PUBLISHED', 'REJECTED')),
  author_id         bigint not null references app_user(id),
  created_at        timestamptz not null,
  updated_at        timestamptz not null,
  -- Who published or rejected it, when, and what they wrote to the author.
  reviewed_by       bigint references app_user(id),
  reviewed_at       timestamptz,
  review_note       text,
  -- The article version its publication made.
  published_version int,
  check ((status = 'PENDING') = (reviewed_at is null)),
  check ((status = 'PENDING') = (reviewed_by is null)),
  check ((status = 'PUBLISHED') = (published_version is not null))
);
-- One pending revision per author and article: editing again replaces it.
create unique index kb_article_revision_pending_author on kb_article_revision (article_id, author_id)
  where status = 'PENDING';
-- The review queue, oldest first.
create index kb_article_revision_queue on kb_article_revision (created_at, id)
  where status = 'PENDING';
-- An author's own revisions, last changed first.
create index kb_article_revision_author on kb_article_revision (author_id, updated_at desc);
