-- Single sign-on with OpenID Connect (security module, docs/sso.md): which staff account an identity of an
-- OpenID provider signs in as. An identity is its issuer and its subject (the provider's stable id of the person,
-- OpenID Connect Core §5.7); the person's name, email or user name at the provider may change, these never do.
-- Nothing here lets anyone sign in: it holds no token, only whom a successful sign-in at that provider is for.
create table staff_sso_link (
    issuer              varchar(500)  not null,
    subject             varchar(255)  not null,
    username            varchar(64)   not null references staff_user (username),
    linked_at           timestamp     not null,
    primary key (issuer, subject)
);

-- One identity per account: a second identity never signs in as an account another one already has.
create unique index staff_sso_link_user on staff_sso_link (username);
