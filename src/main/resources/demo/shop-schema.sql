-- The demo web shop's own database: what a company's customer database looks like to Rightsflow. Rightsflow
-- never owns this schema; it reaches it through the sql connector and the mapping in demo/systems.yml.
create table customers (
    id                  bigint        primary key,
    customer_number     varchar(20)   not null unique,
    email               varchar(254)  not null,
    first_name          varchar(100),
    last_name           varchar(100),
    phone               varchar(40),
    birth_date          date,
    marketing_consent   boolean       not null,
    sell_share_opt_out  boolean       not null,
    limit_sensitive_use boolean       not null,
    created_at          timestamp     not null
);
create index customers_email on customers (email);

create table addresses (
    id                  bigint        primary key,
    customer_id         bigint        not null references customers (id),
    kind                varchar(20)   not null,
    street              varchar(200)  not null,
    city                varchar(100)  not null,
    postcode            varchar(20)   not null,
    country             varchar(2)    not null
);
create index addresses_customer on addresses (customer_id);

create table orders (
    id                  bigint        primary key,
    customer_id         bigint        not null references customers (id),
    order_number        varchar(20)   not null unique,
    ordered_at          timestamp     not null,
    total_cents         integer       not null,
    currency            varchar(3)    not null,
    status              varchar(20)   not null
);
create index orders_customer on orders (customer_id);

create table order_lines (
    id                  bigint        primary key,
    order_id            bigint        not null references orders (id),
    product             varchar(200)  not null,
    quantity            integer       not null,
    unit_price_cents    integer       not null
);
create index order_lines_order on order_lines (order_id);

create table newsletter_subscriptions (
    id                  bigint        primary key,
    customer_id         bigint        not null references customers (id),
    list_name           varchar(50)   not null,
    subscribed_at       timestamp     not null,
    source              varchar(50)   not null
);
create index newsletter_customer on newsletter_subscriptions (customer_id);

create table support_tickets (
    id                  bigint        primary key,
    customer_id         bigint        not null references customers (id),
    subject             varchar(200)  not null,
    body                varchar(4000) not null,
    opened_at           timestamp     not null,
    status              varchar(20)   not null
);
create index tickets_customer on support_tickets (customer_id);
