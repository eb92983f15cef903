"""Editor inbox: redacted resident wordings the NLU did not understand well (no link to a conversation)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 11:15:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'editor_inbox',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('language', sa.String(length=2), nullable=False),
        sa.Column('intent', sa.String(length=64), nullable=True),
        sa.Column('confidence', sa.Float(), nullable=False),
        sa.Column('fell_back', sa.Boolean(), nullable=False),
        sa.Column('received_on', sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('editor_inbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_editor_inbox_received_on'), ['received_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('editor_inbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_editor_inbox_received_on'))
    op.drop_table('editor_inbox')
